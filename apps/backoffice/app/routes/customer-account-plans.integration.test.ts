import type { CustomerAccount } from "@settle/domain/customers/get-customer-account";
import { getDb } from "@settle/domain/db/client";
import { planOverInvoices, setInstalment } from "@settle/domain/plans/plan-fixtures.test-support";
import { createCustomer, createInvoiceForCustomer } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, signedInStaff } from "../route-test.test-support.ts";
import { loader } from "./customer-account.tsx";

let customerId: string;
const call = backofficeCaller(() => ({ customerId }));

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "Account Plans Route Ltd" })).id;
});

describe("the account page's in plan marks and open plans", () => {
  it("marks the covered open items and shows each open plan's progress beside its row", async () => {
    const { plan, invoices } = await planOverInvoices(customerId, { downPayment: "10.00", status: "ACTIVE" });
    const offered = await planOverInvoices(customerId, { answer: "none" });
    const loose = await createInvoiceForCustomer(getDb(), customerId);
    await setInstalment(plan.id, 0, { status: "PAID" });
    await setInstalment(plan.id, 1, { status: "MISSED", missedOn: new Date("2027-05-25") });

    const cookie = await signedInStaff(["COLLECTOR"]);
    const page = await outcome<CustomerAccount & { plans: { plans: { id: string }[] } }>(
      loader(call(`/customers/${customerId}`, { cookie })),
    );
    expect(page.status).toBe(200);
    const rows = new Map(page.data!.openItems.rows.map((r) => [r.id, r]));
    expect(rows.get(invoices[0]!.id)?.inPlan?.plan).toMatchObject({ id: plan.id, label: plan.label });
    expect(rows.get(offered.invoices[0]!.id)?.inPlan).toBeNull();
    expect(rows.get(loose.id)?.inPlan).toBeNull();

    expect(page.data!.openPlans).toEqual([
      expect.objectContaining({
        id: plan.id,
        status: "ACTIVE",
        instalments: 4,
        paidInstalments: 1,
        paid: 1000n,
        missed: 1,
        nextInstalment: expect.objectContaining({ sequence: 1, status: "MISSED" }),
      }),
    ]);
    // The card lists both plans; only the open one has progress to show.
    expect(page.data!.plans.plans.map((p) => p.id).sort()).toEqual([plan.id, offered.plan.id].sort());
  });
});
