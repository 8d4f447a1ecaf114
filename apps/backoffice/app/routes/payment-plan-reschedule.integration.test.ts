import { randomUUID } from "node:crypto";
import { addDays, isoDate } from "@settle/domain/base/dates";
import { getDb } from "@settle/domain/db/client";
import { acceptOffer } from "@settle/domain/plans/plan-fixtures.test-support";
import { proposePaymentPlan } from "@settle/domain/plans/propose-payment-plan";
import { createCustomer, createInvoiceForCustomer } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { describe, expect, it } from "vitest";
import { backofficeCaller, signedInStaff } from "../route-test.test-support.ts";
import { loader as planPage } from "./payment-plan.tsx";
import { action, loader } from "./payment-plan-new.tsx";

const day = (days: number) => isoDate(addDays(new Date(), days));

/** An account with two invoices in an accepted plan and a third outside it. */
async function runningPlan() {
  const db = getDb();
  const customerId = (await createCustomer(db, { name: `Reschedule Route ${randomUUID().slice(0, 6)}` })).id;
  const inPlan = [
    (await createInvoiceForCustomer(db, customerId)).id,
    (await createInvoiceForCustomer(db, customerId)).id,
  ];
  const outside = (await createInvoiceForCustomer(db, customerId)).id;
  const offer = await proposePaymentPlan(
    {
      customerId,
      invoiceIds: inPlan,
      instalments: 3,
      frequency: "MONTHLY",
      firstDate: day(14),
      expiresOn: day(7),
      idempotencyKey: `plan-${randomUUID()}`,
    },
    { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] },
  );
  await acceptOffer(customerId, offer);
  return { customerId, planId: offer.id, label: offer.label, inPlan, outside };
}

describe("rescheduling a plan from the back office", () => {
  it("leads from the plan page to a new schedule of the plan's own invoices, offered to replace it", async () => {
    const { customerId, planId, label, inPlan } = await runningPlan();
    const call = backofficeCaller(() => ({ customerId, planId }));
    const cookie = await signedInStaff(["COLLECTOR"]);
    const page = await outcome<{ plan: { can: { reschedule: boolean } } }>(
      planPage(call(`/customers/${customerId}/payment-plans/${planId}`, { cookie })),
    );
    expect(page.data?.plan.can.reschedule).toBe(true);

    const url = `/customers/${customerId}/payment-plans/new?reschedules=${planId}`;
    const form = await outcome<{
      proposal: {
        invoices: { id: string }[];
        reschedules: { id: string; label: string; invoiceIds: string[] };
      };
    }>(loader(call(url, { cookie })));
    expect(form.status).toBe(200);
    // Only the plan's invoices, all of them chosen to start with.
    expect(form.data?.proposal.invoices.map((i) => i.id).sort()).toEqual([...inPlan].sort());
    expect(form.data?.proposal.reschedules).toMatchObject({ id: planId, label });

    const posted = await outcome(
      action(
        call(url, {
          cookie,
          form: [
            ["customerId", customerId],
            ...inPlan.map((id): [string, string] => ["invoiceIds", id]),
            ["downPayment", ""],
            ["instalments", "6"],
            ["frequency", "MONTHLY"],
            ["firstDate", day(30)],
            ["expiresOn", day(10)],
            ["idempotencyKey", `payment-plan-${randomUUID()}`],
            ["reschedules", planId],
          ],
        }),
      ),
    );
    expect(posted.status).toBe(302);
    const offer = await getDb().paymentPlan.findFirstOrThrow({
      where: { customerId, replacesPlanId: planId },
    });
    expect(offer).toMatchObject({ status: "PROPOSED", instalmentCount: 6 });
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("ACCEPTED");
  });

  it("refuses an invoice outside the plan in words, and a plan of another account as a 404", async () => {
    const { customerId, planId, inPlan, outside } = await runningPlan();
    const other = await runningPlan();
    const call = backofficeCaller(() => ({ customerId }));
    const cookie = await signedInStaff(["COLLECTOR"]);
    const url = `/customers/${customerId}/payment-plans/new?reschedules=${planId}`;
    const posted = await outcome<{ reply: { error?: Record<string, string[] | null> } }>(
      action(
        call(url, {
          cookie,
          form: [
            ["customerId", customerId],
            ...[...inPlan, outside].map((id): [string, string] => ["invoiceIds", id]),
            ["downPayment", ""],
            ["instalments", "6"],
            ["frequency", "MONTHLY"],
            ["firstDate", day(30)],
            ["expiresOn", day(10)],
            ["idempotencyKey", `payment-plan-${randomUUID()}`],
            ["reschedules", planId],
          ],
        }),
      ),
    );
    expect(posted.status).toBe(400);
    expect(JSON.stringify(posted.data?.reply.error)).toContain("covers that plan's open invoices only");
    const foreign = await outcome(
      loader(call(`/customers/${customerId}/payment-plans/new?reschedules=${other.planId}`, { cookie })),
    );
    expect(foreign.status).toBe(404);
  });
});
