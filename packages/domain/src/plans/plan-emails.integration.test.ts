import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { createCustomer, createInvoiceForCustomer, createPortalUser } from "../seed/factories.ts";
import {
  enqueuePlanCompletedEmails,
  enqueuePlanDefaultedEmails,
  enqueuePlanReminderEmails,
} from "./plan-emails.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";

const collector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const now = new Date("2027-03-10T15:00:00Z");
const PORTAL_URL = "https://portal.example.com";

let customerId: string;
let invoiceIds: string[];
let planId: string;
const tag = randomUUID().slice(0, 8);
const payer = `payer-${tag}@example.com`;
const admin = `admin-${tag}@example.com`;

const mailsTo = (addresses: string[], category: string) =>
  getDb().outboxEmail.findMany({
    where: { toAddress: { in: addresses }, category },
    orderBy: { toAddress: "asc" },
  });

beforeAll(async () => {
  const db = getDb();
  customerId = (await createCustomer(db, { name: "Plan Mail Ltd" })).id;
  invoiceIds = [(await createInvoiceForCustomer(db, customerId)).id];
  const on = (role: "VIEWER" | "PAYER" | "ADMIN") => [{ customerId, role }];
  await createPortalUser(db, { email: payer, name: "Amal Payer", locale: "ar", memberships: on("PAYER") });
  await createPortalUser(db, { email: admin, name: "Ana Admin", locale: "es", memberships: on("ADMIN") });
  await createPortalUser(db, { email: `viewer-${tag}@example.com`, memberships: on("VIEWER") });
  await createPortalUser(db, {
    email: `gone-${tag}@example.com`,
    active: false,
    memberships: on("PAYER"),
  });
});

describe("payment plan e-mails", () => {
  it("e-mails the offer once to each active payer and administrator, in their language, not on a replay", async () => {
    const input = {
      customerId,
      invoiceIds,
      downPayment: "",
      instalments: 2,
      frequency: "MONTHLY" as const,
      firstDate: "2027-04-01",
      expiresOn: "2027-03-20",
      idempotencyKey: `plan-${randomUUID()}`,
    };
    const plan = await proposePaymentPlan(input, collector, { now, portalUrl: PORTAL_URL });
    planId = plan.id;
    const link = `${PORTAL_URL}/accounts/${customerId}/payment-plans/${plan.id}`;
    const offers = await mailsTo([payer, admin], "portal.plan-offer");
    expect(offers.map((m) => m.toAddress)).toEqual([admin, payer]);
    expect(offers[0]!.subject).toBe(`${plan.label}: un plan de pagos espera su respuesta`);
    // Arabic isolates what it is given, so a Latin label keeps its order in right-to-left text.
    expect(offers[1]!.subject).toBe(`\u2068${plan.label}\u2069: خطة سداد بانتظار ردّك`);
    for (const m of offers) {
      expect(m.textBody).toContain(link);
      expect(m.htmlBody).toContain(`href="${link}"`);
    }
    // Nobody else on the account: the viewer and the inactive payer get nothing.
    const all = await getDb().outboxEmail.count({
      where: { category: "portal.plan-offer", textBody: { contains: plan.id } },
    });
    expect(all).toBe(2);

    const again = await proposePaymentPlan(input, collector, { now, portalUrl: PORTAL_URL });
    expect(again.replayed).toBe(true);
    expect(
      await getDb().outboxEmail.count({
        where: { category: "portal.plan-offer", textBody: { contains: plan.id } },
      }),
    ).toBe(2);
  });

  it("writes the reminder for what is still due on the instalment, and the plan's end", async () => {
    const db = getDb();
    const instalment = await db.paymentPlanInstalment.findFirstOrThrow({
      where: { planId, sequence: 1 },
    });
    await db.paymentPlanInstalment.update({
      where: { id: instalment.id },
      data: { paidAmount: instalment.amount - 1234n },
    });
    const sent = await db.$transaction((tx) =>
      enqueuePlanReminderEmails(tx, planId, instalment.id, { portalUrl: PORTAL_URL }),
    );
    expect(sent).toBe(2);
    const [toAdmin] = await mailsTo([admin], "portal.plan-reminder");
    expect(toAdmin!.subject).toMatch(/^PP-\d+: un pago de 12,34\sUS\$ está vencido$/);
    expect(toAdmin!.textBody).toContain(`/accounts/${customerId}/payment-plans/${planId}`);

    await db.$transaction((tx) => enqueuePlanDefaultedEmails(tx, planId, { portalUrl: PORTAL_URL }));
    await db.$transaction((tx) => enqueuePlanCompletedEmails(tx, planId, { portalUrl: PORTAL_URL }));
    expect((await mailsTo([payer, admin], "portal.plan-defaulted")).length).toBe(2);
    expect((await mailsTo([payer, admin], "portal.plan-completed")).length).toBe(2);
  });

  it("refuses an instalment of another plan, and an unknown plan", async () => {
    const db = getDb();
    const options = { portalUrl: PORTAL_URL };
    await expect(
      db.$transaction((tx) => enqueuePlanReminderEmails(tx, planId, randomUUID(), options)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      db.$transaction((tx) => enqueuePlanCompletedEmails(tx, randomUUID(), options)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
