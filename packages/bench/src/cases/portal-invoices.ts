import { currentInvoiceId } from "../account-writes.ts";
import { portalHealthz } from "./healthz.ts";
import { PAGE_TARGET, pageCases } from "./http-case.ts";

export const [portalInvoiceList, portalInvoiceListData] = pageCases({
  name: "portal invoice list",
  description:
    "Invoice Online of the big customer (/accounts/:id/invoices): its first page of invoices by date with status badges, counts and totals.",
  app: "portal",
  routeId: "routes/invoices",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}/invoices`,
  signedIn: true,
  floor: portalHealthz.name,
  target: PAGE_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});

export const [portalInvoiceFiltered, portalInvoiceFilteredData] = pageCases({
  name: "portal invoice list filtered",
  description:
    "The big customer's overdue invoices by open amount, largest first, fifth page (/accounts/:id/invoices?status=overdue&sort=open&dir=desc&page=5).",
  app: "portal",
  routeId: "routes/invoices",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}/invoices?status=overdue&sort=open&dir=desc&page=5`,
  signedIn: true,
  floor: portalHealthz.name,
  target: PAGE_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});

// The invoice the bench's writes are at (account-writes.ts): the next write changes its page.
let invoicePath: string | undefined;

export const [portalInvoicePage, portalInvoicePageData] = pageCases({
  name: "portal invoice page",
  description:
    "Invoice Online's page of one of the big customer's oldest open invoices, the one the writes are at (/accounts/:id/invoices/:invoiceId): lines, tax, terms, remit-to, payment history, what is in dispute.",
  app: "portal",
  routeId: "routes/invoice-detail",
  path: (ctx) => {
    if (!invoicePath) throw new Error("The invoice page case has not found its invoice yet.");
    return `/accounts/${ctx.dataset.bigCustomerId}${invoicePath}`;
  },
  prepare: async (ctx) => {
    invoicePath = `/invoices/${await currentInvoiceId(ctx.databaseUrl, ctx.dataset)}`;
  },
  signedIn: true,
  floor: portalHealthz.name,
  target: PAGE_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});
