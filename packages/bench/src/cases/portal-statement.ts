import { portalHealthz } from "./healthz.ts";
import { PORTAL_PAGE_TARGET, portalPageCases } from "./http-case.ts";

/** The last twelve months, as the portal's period fields would send them. */
function lastTwelveMonths(): string {
  const to = new Date();
  const from = new Date(to);
  from.setUTCFullYear(to.getUTCFullYear() - 1);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return `from=${iso(from)}&to=${iso(to)}`;
}

export const [portalStatementOpen, portalStatementOpenRendered] = portalPageCases({
  name: "portal statement open items",
  description:
    "Statement Online of the big customer, open-items view (/accounts/:id/statement?view=open): about 5,000 open items summed, aged and paged, its child accounts consolidated, server-rendered.",
  app: "portal",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}/statement?view=open`,
  signedIn: true,
  floor: portalHealthz.name,
  target: PORTAL_PAGE_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber, "91–120"],
});

export const [portalStatementYear, portalStatementYearRendered] = portalPageCases({
  name: "portal statement 12 months",
  description:
    "Statement Online of the big customer for the last twelve months: opening balance, the period's first page of lines with running balances, aging at the period's end.",
  app: "portal",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}/statement?${lastTwelveMonths()}`,
  signedIn: true,
  floor: portalHealthz.name,
  target: PORTAL_PAGE_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});
