import { beforeAll, describe, expect, it } from "vitest";
import type { PortalActor, StaffActor } from "../actor.ts";
import { getCustomerAccount } from "../customers/get-customer-account.ts";
import { getDb } from "../db/client.ts";
import { portalUser } from "../disputes/dispute-fixtures.test-support.ts";
import { loadInvoiceDetails } from "../invoices/invoice-details.ts";
import { listInvoices } from "../invoices/list-invoices.ts";
import type { CreatedItem } from "../ledger/create-invoice.ts";
import { createStaffActor } from "../seed/actors.test-support.ts";
import { createCustomer, createInvoiceForCustomer } from "../seed/factories.ts";
import { getStatement } from "../statements/get-statement.ts";
import { planOverInvoices, setInstalment } from "./plan-fixtures.test-support.ts";

// The statement, the invoice list and page, and the account page mark the invoices an accepted or
// active plan covers, and only those.

let customerId: string;
let payer: PortalActor;
let staff: StaffActor;
let covered: CreatedItem[];
let proposed: CreatedItem;
let loose: CreatedItem;
let plan: { id: string; label: string };
let next: { sequence: number; dueDate: Date; amount: bigint; status: "DUE" };

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "Marked Plans Ltd" })).id;
  payer = await portalUser(customerId, "PAYER");
  staff = await createStaffActor(["ADMIN"]);
  const accepted = await planOverInvoices(customerId, { invoices: 2, downPayment: "10.00" });
  ({ plan } = accepted);
  covered = accepted.invoices;
  proposed = (await planOverInvoices(customerId, { answer: "none" })).invoices[0]!;
  loose = await createInvoiceForCustomer(getDb(), customerId);
  await setInstalment(plan.id, 0, { status: "PAID" });
  const first = await getDb().paymentPlanInstalment.findUniqueOrThrow({
    where: { planId_sequence: { planId: plan.id, sequence: 1 } },
  });
  next = { sequence: 1, dueDate: first.dueDate, amount: first.amount, status: "DUE" };
});

const expectedMark = () => ({
  plan: { id: plan.id, label: plan.label, status: "ACCEPTED", currency: "USD" },
  nextInstalment: next,
});

/** The marks of the given rows by id: the covered invoices marked, the others null. */
function expectMarks(rows: readonly { id: string; inPlan: unknown }[]) {
  const markOf = new Map(rows.map((r) => [r.id, r.inPlan]));
  for (const invoice of covered) expect(markOf.get(invoice.id)).toMatchObject(expectedMark());
  expect(markOf.get(proposed.id)).toBeNull();
  expect(markOf.get(loose.id)).toBeNull();
}

describe("in plan marks on the read models", () => {
  it("the invoice list marks covered invoices, and its in_plan filter lists only them", async () => {
    const list = await listInvoices({ customerId }, payer);
    expect(list.rows).toHaveLength(4);
    expectMarks(list.rows);

    const filtered = await listInvoices({ customerId, status: "in_plan" }, payer);
    expect(filtered.rows.map((r) => r.id).sort()).toEqual(covered.map((i) => i.id).sort());
    expect(filtered.total).toBe(2);
  });

  it("the invoice page marks a covered invoice and not the others", async () => {
    const details = await loadInvoiceDetails(payer, customerId, [covered[0]!.id, proposed.id, loose.id]);
    expect(details[0]!.inPlan).toMatchObject(expectedMark());
    expect(details[1]!.inPlan).toBeNull();
    expect(details[2]!.inPlan).toBeNull();
  });

  it("the statement marks covered lines and shows the in-plan total beside the disputed one", async () => {
    const statement = await getStatement({ customerId, view: "open" }, payer);
    expectMarks(statement.lines.rows);
    expect(statement.aging.inPlan).toBe(covered[0]!.amount + covered[1]!.amount);
    expect(statement.aging.inDispute).toBe(0n);
  });

  it("the account page marks covered open items, sums them and shows each open plan's progress", async () => {
    const account = await getCustomerAccount({ customerId }, staff);
    expectMarks(account.openItems.rows);
    expect(account.inPlan).toEqual([
      { currency: "USD", amount: covered[0]!.amount + covered[1]!.amount, items: 2, plans: 1 },
    ]);
    expect(account.openPlans).toHaveLength(1);
    expect(account.openPlans[0]).toMatchObject({
      id: plan.id,
      label: plan.label,
      instalments: 4,
      paidInstalments: 1,
      paid: 1000n,
      missed: 0,
      nextInstalment: next,
    });

    // Customers see the marks, not the collector's progress card.
    const own = await getCustomerAccount({ customerId }, payer);
    expectMarks(own.openItems.rows);
    expect(own.openPlans).toEqual([]);
  });
});
