import { portalHealthz } from "./healthz.ts";
import { PORTAL_PAGE_TARGET, portalPageCases } from "./http-case.ts";

export const [portalInvoiceList, portalInvoiceListRendered] = portalPageCases({
  name: "portal invoice list",
  description:
    "Invoice Online of the big customer (/accounts/:id/invoices): its first page of invoices by date with status badges, counts and totals, server-rendered.",
  app: "portal",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}/invoices`,
  signedIn: true,
  floor: portalHealthz.name,
  target: PORTAL_PAGE_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});

export const [portalInvoiceFiltered, portalInvoiceFilteredRendered] = portalPageCases({
  name: "portal invoice list filtered",
  description:
    "The big customer's overdue invoices by open amount, largest first, fifth page (/accounts/:id/invoices?status=overdue&sort=open&dir=desc&page=5).",
  app: "portal",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}/invoices?status=overdue&sort=open&dir=desc&page=5`,
  signedIn: true,
  floor: portalHealthz.name,
  target: PORTAL_PAGE_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});
