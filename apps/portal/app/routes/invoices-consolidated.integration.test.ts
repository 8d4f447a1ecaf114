import { getDb } from "@settle/domain/db/client";
import type { PortalRole } from "@settle/domain/db/generated/enums";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
} from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import type { PageInvoiceList } from "~/components/invoices/invoice-list-for-page";
import { portalCaller, portalSessionCookie } from "../route-test.test-support";
import { loader as invoiceDetail } from "./invoice-detail";
import { loader as invoicePdf } from "./invoice-pdf";
import { loader as invoiceList } from "./invoices";
import { loader as invoicesCsv } from "./invoices-csv";
import { loader as payReview } from "./pay-review";

interface Account {
  id: string;
  accountNumber: string;
  invoiceId: string;
  invoiceNumber: string;
}

let parent: Account;
let child: Account;
let stranger: Account;
let parentCookie: string;
let childCookie: string;
const call = portalCaller();

async function account(
  legalEntityId: string,
  name: string,
  parentId: string | null = null,
): Promise<Account> {
  const customer = await createCustomer(getDb(), { legalEntityId, name, parentId });
  const invoice = await createInvoiceForCustomer(getDb(), customer.id);
  return {
    id: customer.id,
    accountNumber: customer.accountNumber,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
  };
}

async function memberCookie(customerId: string, role: PortalRole) {
  const user = await createPortalUser(getDb(), {
    email: `${role.toLowerCase()}-${customerId.slice(0, 8)}@customer.example`,
    memberships: [{ customerId, role }],
  });
  return portalSessionCookie(user.id);
}

beforeAll(async () => {
  const entityId = (await createLegalEntity(getDb(), { name: "Fabrikam Family Billing" })).id;
  parent = await account(entityId, "Fabrikam Holding");
  child = await account(entityId, "Fabrikam Logistics", parent.id);
  stranger = await account(entityId, "Unrelated Traders");
  parentCookie = await memberCookie(parent.id, "PAYER");
  childCookie = await memberCookie(child.id, "VIEWER");
});

const list = (customerId: string, cookie: string, query = "") =>
  outcome<{ list: PageInvoiceList }>(
    invoiceList(call(`/accounts/${customerId}/invoices${query}`, { cookie, params: { customerId } })),
  );

describe("a parent account's consolidated invoice list", () => {
  it("lists the child account's invoices with their account, unless switched off", async () => {
    const page = await list(parent.id, parentCookie);
    expect(page.status).toBe(200);
    const consolidated = page.data!.list;
    expect(consolidated).toMatchObject({ consolidated: true, hasChildren: true, total: 2 });
    expect(consolidated.accounts.map((a) => a.accountNumber)).toEqual([
      parent.accountNumber,
      child.accountNumber,
    ]);
    expect(Object.fromEntries(consolidated.rows.map((r) => [r.number, r.accountId]))).toEqual({
      [parent.invoiceNumber]: parent.id,
      [child.invoiceNumber]: child.id,
    });

    const own = (await list(parent.id, parentCookie, "?consolidated=0")).data!.list;
    expect(own).toMatchObject({ consolidated: false, hasChildren: true, total: 1 });
    expect(own.rows.map((r) => r.number)).toEqual([parent.invoiceNumber]);
  });

  it("exports an Account column on the consolidated CSV only", async () => {
    const csv = async (query: string) => {
      const response = (await invoicesCsv(
        call(`/accounts/${parent.id}/invoices.csv${query}`, {
          cookie: parentCookie,
          params: { customerId: parent.id },
        }),
      )) as Response;
      expect(response.status).toBe(200);
      return (await response.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/);
    };
    const [header, ...rows] = await csv("");
    expect(header).toMatch(/,Account,Account name$/);
    const childRow = rows.find((r) => r.startsWith(child.invoiceNumber));
    expect(childRow).toMatch(new RegExp(`,${child.accountNumber},Fabrikam Logistics$`));
    expect(rows).toHaveLength(2);

    const [ownHeader, ...ownRows] = await csv("?consolidated=0");
    expect(ownHeader).not.toMatch(/Account/);
    expect(ownRows).toHaveLength(1);
  });

  it("opens the child's invoice and its PDF through the parent; the child's user gets 404 for the parent's", async () => {
    const viaParent = (customerId: string, invoiceId: string, cookie: string) =>
      call<never>(`/accounts/${customerId}/invoices/${invoiceId}`, {
        cookie,
        params: { customerId, invoiceId },
      });
    const detail = await outcome<{ invoice: { number: string; customer: { id: string } } }>(
      invoiceDetail(viaParent(parent.id, child.invoiceId, parentCookie)),
    );
    expect(detail.status).toBe(200);
    expect(detail.data!.invoice).toMatchObject({ number: child.invoiceNumber, customer: { id: child.id } });
    const pdf = (await invoicePdf(viaParent(parent.id, child.invoiceId, parentCookie))) as Response;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toMatch(/pdf/);
    await pdf.arrayBuffer();

    expect((await list(parent.id, childCookie)).status).toBe(404);
    for (const [customerId, invoiceId, cookie] of [
      [child.id, parent.invoiceId, childCookie],
      [parent.id, parent.invoiceId, childCookie],
      [parent.id, stranger.invoiceId, parentCookie],
    ] as const) {
      const target = viaParent(customerId, invoiceId, cookie);
      expect((await outcome(invoiceDetail(target))).status, `${customerId} ${invoiceId}`).toBe(404);
      expect((await outcome(invoicePdf(viaParent(customerId, invoiceId, cookie)))).status).toBe(404);
    }
  });

  it("refuses to pay the child's invoice in the parent's card payment, saying whose it is", async () => {
    const review = await outcome<{ reason: string; values: Record<string, string> }>(
      payReview(
        call(`/accounts/${parent.id}/pay?id=${parent.invoiceId}&id=${child.invoiceId}`, {
          cookie: parentCookie,
          params: { customerId: parent.id },
        }),
      ),
    );
    expect(review.status).toBe(400);
    expect(review.data).toMatchObject({
      reason: "other-account",
      values: { number: child.invoiceNumber, account: child.accountNumber },
    });
  });
});
