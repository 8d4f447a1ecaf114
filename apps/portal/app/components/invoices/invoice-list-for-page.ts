import type { InvoiceList } from "@settle/domain/invoices/list-invoices";
import { pageInPlan } from "./in-plan-mark";

/**
 * What the page shows of a row, and so what is serialized into it: whether it is in dispute, not
 * how; its plan and next instalment; its account by id (the accounts are sent once).
 */
export function invoiceListForPage(list: InvoiceList) {
  return {
    ...list,
    rows: list.rows.map((row) => ({
      id: row.id,
      accountId: row.account.id,
      kind: row.kind,
      number: row.number,
      poNumber: row.poNumber,
      documentDate: row.documentDate,
      dueDate: row.dueDate,
      currency: row.currency,
      amount: row.amount,
      openAmount: row.openAmount,
      status: row.status,
      inDispute: row.inDispute !== null,
      inPlan: pageInPlan(row.inPlan),
    })),
  };
}

export type PageInvoiceList = ReturnType<typeof invoiceListForPage>;
export type PageInvoiceRow = PageInvoiceList["rows"][number];
