import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getCustomerAccount } from "../customers/get-customer-account.ts";
import { getPortfolioSummary } from "../customers/get-portfolio-summary.ts";
import { getDb } from "../db/client.ts";
import { getInvoice } from "../invoices/get-invoice.ts";
import { listInvoices } from "../invoices/list-invoices.ts";
import { getPortalHome } from "../portal/get-portal-home.ts";
import { createInvoiceForCustomer, createLegalEntity } from "../seed/factories.ts";
import { getStatement } from "../statements/get-statement.ts";
import { customerWithInvoice, key, portalUser, staff } from "./dispute-fixtures.test-support.ts";
import { raiseDispute } from "./raise-dispute.ts";
import { resolveDispute } from "./resolve-dispute.ts";

let entityId: string;
let analyst: StaffActor;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Effects Test Entity" })).id;
  analyst = await staff(["DISPUTE_ANALYST"]);
});

describe("in dispute elsewhere", () => {
  it("the invoice list, invoice, statement, account page and portal home show the held amount until resolved", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const other = await createInvoiceForCustomer(getDb(), customerId);
    const user = await portalUser(customerId, "VIEWER");
    const raised = await raiseDispute(
      {
        customerId,
        invoiceId,
        scope: "LINES",
        lines: [{ lineNo: 2 }],
        reason: "PRICING",
        description: "Line 2 is priced wrong.",
        idempotencyKey: key(),
      },
      user,
    );

    const disputed = await listInvoices({ customerId, status: "disputed" }, user);
    expect(disputed.rows.map((r) => r.id)).toEqual([invoiceId]);
    expect(disputed.rows[0]!.inDispute).toEqual({
      amount: 200_00n,
      disputes: [{ id: raised.id, number: raised.number }],
    });
    const all = await listInvoices({ customerId }, user);
    expect(all.rows.find((r) => r.id === other.id)?.inDispute).toBeNull();

    const invoice = await getInvoice({ customerId, invoiceId }, user);
    expect(invoice.inDispute?.amount).toBe(200_00n);
    expect(invoice.lines.map((l) => l.openDispute?.id ?? null)).toEqual([null, raised.id, null]);

    const statement = await getStatement({ customerId, view: "open" }, user, { lineDisputes: true });
    expect(statement.aging.inDispute).toBe(200_00n);
    expect(statement.lines.rows.find((r) => r.id === invoiceId)?.inDispute).toBe(200_00n);
    expect(statement.lines.rows.find((r) => r.id === other.id)?.inDispute).toBe(0n);
    // The page does not show what each line holds, so it does not ask for it.
    const page = await getStatement({ customerId, view: "open" }, user);
    expect(page.aging.inDispute).toBe(200_00n);
    expect(page.lines.rows.every((r) => r.inDispute === null)).toBe(true);

    const account = await getCustomerAccount({ customerId }, analyst);
    expect(account.inDispute).toEqual([{ currency: "USD", amount: 200_00n, invoices: 1, disputes: 1 }]);
    expect(account.openItems.rows.find((r) => r.id === invoiceId)?.inDispute).toBe(200_00n);
    expect((await getPortalHome({ customerId }, user)).inDispute).toEqual(account.inDispute);
    const usd = async () =>
      (await getPortfolioSummary({}, analyst)).currencies.find((c) => c.currency === "USD");
    expect((await usd())?.inDispute).toBe(200_00n);

    await resolveDispute(
      {
        disputeId: raised.id,
        outcome: "INVALID",
        rootCause: "CUSTOMER_ERROR",
        explanation: "Price as agreed.",
      },
      analyst,
    );
    expect((await listInvoices({ customerId, status: "disputed" }, user)).rows).toEqual([]);
    expect((await getStatement({ customerId, view: "open" }, user)).aging.inDispute).toBe(0n);
    expect((await getCustomerAccount({ customerId }, analyst)).inDispute).toEqual([]);
    expect((await usd())?.inDispute).toBe(0n);
    expect(
      (await getInvoice({ customerId, invoiceId }, user)).lines.every((l) => l.openDispute === null),
    ).toBe(true);
  });
});
