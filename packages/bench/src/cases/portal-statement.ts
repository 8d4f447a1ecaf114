import { portalHealthz } from "./healthz.ts";
import { pageCases } from "./http-case.ts";
import type { Target } from "./types.ts";

/** Issue 11: app + PostgreSQL CPU per render at most 6× the bare route's; ≥ 15% of its throughput. */
const STATEMENT_TARGET: Target = { maxCpuVsFloor: 6, minFloorShare: 0.15 };

/** The last twelve months, as the portal's period fields would send them. */
function lastTwelveMonths(): string {
  const to = new Date();
  const from = new Date(to);
  from.setUTCFullYear(to.getUTCFullYear() - 1);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return `from=${iso(from)}&to=${iso(to)}`;
}

export const [portalStatementOpen, portalStatementOpenData] = pageCases({
  name: "portal statement open items",
  description:
    "Statement Online of the big customer, open-items view (/accounts/:id/statement?view=open): about 5,000 open items summed, aged and paged, its child accounts consolidated.",
  app: "portal",
  routeId: "routes/statement",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}/statement?view=open`,
  signedIn: true,
  floor: portalHealthz.name,
  target: STATEMENT_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});

export const [portalStatementYear, portalStatementYearData] = pageCases({
  name: "portal statement 12 months",
  description:
    "Statement Online of the big customer for the last twelve months: opening balance, the period's first page of lines with running balances, aging at the period's end.",
  app: "portal",
  routeId: "routes/statement",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}/statement?${lastTwelveMonths()}`,
  signedIn: true,
  floor: portalHealthz.name,
  target: STATEMENT_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});
