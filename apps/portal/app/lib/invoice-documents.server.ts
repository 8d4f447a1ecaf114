import type { ExportColumn } from "@settle/documents/export/export-column";
import { documentIssuerOf } from "@settle/documents/issuer";
import type { InvoiceDocument } from "@settle/documents/types";
import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import type { InvoiceListRow } from "@settle/domain/invoices/list-invoices";
import type { TFunction } from "i18next";
import { paymentTermsLabel } from "~/lib/labels";
import { invoiceStatusLabel } from "./invoice-status-label";

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** An invoice as the PDF renderer takes it; reversed applications are history, not payments. */
export function invoiceDocument(invoice: InvoiceDetail, t: TFunction): InvoiceDocument {
  const active = invoice.payments.filter((p) => !p.reversed);
  return {
    issuer: documentIssuerOf(invoice.seller),
    customer: {
      name: invoice.customer.name,
      accountNumber: invoice.customer.accountNumber,
      billingAddressLines: invoice.customer.billingAddress,
    },
    invoiceNumber: invoice.number,
    documentDate: iso(invoice.documentDate),
    dueDate: invoice.dueDate ? iso(invoice.dueDate) : null,
    terms: paymentTermsLabel(t, invoice.terms.code, invoice.terms.days),
    poNumber: invoice.poNumber,
    currency: invoice.currency,
    lines: invoice.lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPrice: l.unitPrice,
      taxRateBp: l.taxRateBp,
      netAmount: l.netAmount,
      taxAmount: l.taxAmount,
    })),
    totals: { net: invoice.totals.net, tax: invoice.totals.tax, gross: invoice.totals.total },
    amountPaid: invoice.clearedAmount,
    openAmount: invoice.openAmount,
    payments: active.map((p) => ({
      date: iso(p.credit.documentDate),
      number: p.credit.number,
      amount: p.amount,
    })),
    paymentInstructions: t("invoices:pdf.paymentInstructions", {
      accountNumber: invoice.customer.accountNumber,
      number: invoice.number,
    }),
  };
}

/** "INV-1001.pdf", from the document number (the ZIP makes repeated names unique). */
export const invoiceFileName = (invoice: { number: string }) => `${invoice.number}.pdf`;

/**
 * Columns of the invoice list's CSV and XLSX (typed: dates and amounts stay numbers for Excel); a
 * consolidated list ends with each row's account, as on the page.
 */
export function invoiceColumns(
  t: TFunction,
  list: { consolidated: boolean },
): ExportColumn<InvoiceListRow>[] {
  const account: ExportColumn<InvoiceListRow>[] = [
    { header: t("invoices:table.account"), type: "text", value: (r) => r.account.accountNumber },
    { header: t("invoices:export.accountName"), type: "text", value: (r) => r.account.name, width: 32 },
  ];
  return [
    { header: t("invoices:table.number"), type: "text", value: (r) => r.number },
    { header: t("invoices:export.type"), type: "text", value: (r) => t(`common:kinds.${r.kind}`) },
    { header: t("invoices:table.poNumber"), type: "text", value: (r) => r.poNumber },
    { header: t("invoices:table.date"), type: "date", value: (r) => iso(r.documentDate) },
    { header: t("invoices:table.due"), type: "date", value: (r) => (r.dueDate ? iso(r.dueDate) : null) },
    { header: t("invoices:export.currency"), type: "text", value: (r) => r.currency },
    {
      header: t("invoices:table.amount"),
      type: "money",
      value: (r) => ({ amount: r.amount, currency: r.currency }),
    },
    {
      header: t("invoices:table.open"),
      type: "money",
      value: (r) => ({ amount: r.openAmount, currency: r.currency }),
    },
    {
      header: t("invoices:table.status"),
      type: "text",
      value: (r) => invoiceStatusLabel(t, r.status),
      width: 24,
    },
    { header: t("invoices:export.daysOverdue"), type: "integer", value: (r) => r.status.daysOverdue },
    ...(list.consolidated ? account : []),
  ];
}

export const invoiceListFileName = (accountNumber: string, today: Date, extension: string) =>
  `invoices-${accountNumber}-${iso(today)}.${extension}`;
