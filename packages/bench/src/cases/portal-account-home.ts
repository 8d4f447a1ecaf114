import { portalHealthz } from "./healthz.ts";
import { portalPageCases } from "./http-case.ts";

export const [portalAccountHome, portalAccountHomeRendered] = portalPageCases({
  name: "portal account home",
  description:
    "Portal home of the big customer (/accounts/:id): session, balances, oldest open items, unapplied credits, server-rendered.",
  app: "portal",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}`,
  signedIn: true,
  floor: portalHealthz.name,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});
