import { randomUUID } from "node:crypto";
import { addDays, isoDate } from "@settle/domain/base/dates";
import { getDb } from "@settle/domain/db/client";
import type { PlanPolicySettings } from "@settle/domain/plans/plan-policy";
import type { PlanProposalForm } from "@settle/domain/plans/plan-proposal-form";
import type { PlanRequestRow } from "@settle/domain/plans/plan-requests";
import { requestPaymentPlan } from "@settle/domain/plans/request-payment-plan";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
} from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, signedInStaff } from "../route-test.test-support.ts";
import { loader as accountLoader } from "./customer-account.tsx";
import { action, loader } from "./payment-plan-new.tsx";
import { action as policyAction, loader as policyLoader } from "./payment-plan-policy.tsx";

type Answer = { reply: { error?: Record<string, string[] | null> }; done: { message?: string } | null };

let entityId: string;
let customerId: string;
const call = backofficeCaller(() => ({ customerId }));
const today = new Date(`${isoDate(new Date())}T00:00:00Z`);
const day = (days: number) => isoDate(addDays(today, days));

/** A request outside the policy (12 instalments), from the account's payer. */
async function requested() {
  const invoice = await createInvoiceForCustomer(getDb(), customerId, {
    documentDate: addDays(today, -60),
    dueDate: addDays(today, -30),
    lines: [{ description: "Services", quantityMilli: 1000n, unitPrice: 1_000_00n, taxRateBp: 0 }],
  });
  const payer = await createPortalUser(getDb(), {
    email: `payer-${randomUUID().slice(0, 8)}@route.example`,
    memberships: [{ customerId, role: "PAYER" }],
  });
  const outcome = await requestPaymentPlan(
    {
      customerId,
      invoiceIds: [invoice.id],
      instalments: 12,
      frequency: "MONTHLY",
      firstDate: day(10),
      reason: "A flood closed our shop for a month.",
      idempotencyKey: `request-${randomUUID()}`,
    },
    { kind: "portal", userId: payer.id, memberships: [{ customerId, role: "PAYER" }] },
  );
  return { requestId: outcome.id, invoiceId: invoice.id };
}

const policyForm = (extra: Record<string, string> = {}): [string, string][] =>
  Object.entries({
    legalEntityId: entityId,
    feeBps: "150",
    graceDays: "5",
    reminderDays: "7",
    missesToDefault: "2",
    selfServiceEnabled: "on",
    selfServiceMaxTotal: "5,000.00",
    selfServiceMaxInstalments: "6",
    selfServiceMinDownBps: "1000",
    ...extra,
  }).concat([["selfServiceRiskClasses", "LOW"]]);

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), {})).id;
  customerId = (await createCustomer(getDb(), { name: "Route Request Ltd", legalEntityId: entityId })).id;
});

describe("the payment plan policy page", () => {
  it("is for AR managers: saves an entity's policy and words a wrong value on its field", async () => {
    const collector = await signedInStaff(["COLLECTOR"]);
    expect((await outcome(policyLoader(call("/settings/payment-plans", { cookie: collector })))).status).toBe(
      403,
    );
    expect(
      (
        await outcome(
          policyAction(call("/settings/payment-plans", { cookie: collector, form: policyForm() })),
        )
      ).status,
    ).toBe(403);

    const manager = await signedInStaff(["AR_MANAGER"]);
    const page = await outcome<PlanPolicySettings>(
      policyLoader(call("/settings/payment-plans", { cookie: manager })),
    );
    expect(page.status).toBe(200);
    expect(page.data?.entities.find((e) => e.id === entityId)?.policy.feeBps).toBe(0);
    const saved = await outcome<Answer>(
      policyAction(call("/settings/payment-plans", { cookie: manager, form: policyForm() })),
    );
    expect(saved.status).toBe(200);
    expect(saved.data?.done?.message).toBe("Policy saved.");
    expect(await getDb().paymentPlanPolicy.findUnique({ where: { legalEntityId: entityId } })).toMatchObject({
      feeBps: 150,
      selfServiceMaxTotal: 5_000_00n,
      selfServiceRiskClasses: ["LOW"],
    });
    const wrong = await outcome<Answer>(
      policyAction(
        call("/settings/payment-plans", { cookie: manager, form: policyForm({ feeBps: "5000" }) }),
      ),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data?.reply.error?.feeBps).toEqual(["Enter a fee from 0 to 2000 basis points."]);
  });
});

describe("answering a customer's request in the back office", () => {
  it("lists it on the account, pre-fills the offer from it, and the offer answers it", async () => {
    const { requestId, invoiceId } = await requested();
    const cookie = await signedInStaff(["COLLECTOR"]);
    const account = await outcome<{ planRequests: PlanRequestRow[] }>(
      accountLoader(call(`/customers/${customerId}`, { cookie })),
    );
    expect(account.data?.planRequests).toMatchObject([
      { id: requestId, reason: "A flood closed our shop for a month.", instalmentCount: 12 },
    ]);
    const url = `/customers/${customerId}/payment-plans/new?request=${requestId}`;
    const page = await outcome<{ proposal: PlanProposalForm }>(loader(call(url, { cookie })));
    expect(page.data?.proposal.request).toMatchObject({
      id: requestId,
      invoiceIds: [invoiceId],
      instalments: 12,
    });
    expect(page.data?.proposal.invoices.map((i) => i.id)).toContain(invoiceId);

    const posted = await outcome(
      action(
        call(url, {
          cookie,
          form: [
            ["customerId", customerId],
            ["invoiceIds", invoiceId],
            ["downPayment", "100.00"],
            ["instalments", "6"],
            ["frequency", "MONTHLY"],
            ["firstDate", day(10)],
            ["expiresOn", day(5)],
            ["chargeFee", "on"],
            ["requestId", requestId],
            ["idempotencyKey", `payment-plan-${randomUUID()}`],
          ],
        }),
      ),
    );
    expect(posted.status).toBe(302);
    const offer = await getDb().paymentPlan.findFirstOrThrow({ where: { replacesPlanId: requestId } });
    // The fee of the policy saved above: 1.5 % of the 900.00 financed.
    expect(offer).toMatchObject({ status: "PROPOSED", fee: 13_50n });
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "OFFERED",
    );
  });

  it("declines a request with a message, back to the account; without a message it says so", async () => {
    const { requestId } = await requested();
    const cookie = await signedInStaff(["COLLECTOR"]);
    const url = `/customers/${customerId}/payment-plans/new?request=${requestId}`;
    const decline = (message: string) =>
      outcome<Answer>(
        action(
          call(url, {
            cookie,
            form: [
              ["intent", "decline-request"],
              ["customerId", customerId],
              ["planId", requestId],
              ["message", message],
            ],
          }),
        ),
      );
    const empty = await decline("");
    expect(empty.status).toBe(400);
    expect(empty.data?.reply.error?.message).toEqual(["Write a message to the customer."]);
    const declined = await decline("Call us for a longer plan.");
    expect(declined.status).toBe(302);
    expect(declined.location).toBe(`/customers/${customerId}#payment-plans`);
    expect(await getDb().paymentPlan.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "DECLINED",
      endReason: "Call us for a longer plan.",
    });
    const applier = await signedInStaff(["CASH_APPLIER"]);
    expect((await outcome(loader(call(url, { cookie: applier })))).status).toBe(403);
    // A request answered already is a conflict of state; a malformed or unknown one is not found.
    expect((await outcome(loader(call(url, { cookie })))).status).toBe(409);
    for (const bad of ["not-a-plan", randomUUID(), "%27%3B--"]) {
      const page = `/customers/${customerId}/payment-plans/new?request=${bad}`;
      expect((await outcome(loader(call(page, { cookie })))).status).toBe(404);
    }
  });
});
