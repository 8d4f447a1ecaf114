import { portalHealthz } from "./healthz.ts";
import { PAGE_TARGET, pageCases } from "./http-case.ts";

export const [portalAccountHome, portalAccountHomeData] = pageCases({
  name: "portal account home",
  description:
    "Portal home of the big customer (/accounts/:id): balances, oldest open items, unapplied credits, how to pay.",
  app: "portal",
  routeId: "routes/account-home",
  path: (ctx) => `/accounts/${ctx.dataset.bigCustomerId}`,
  signedIn: true,
  floor: portalHealthz.name,
  target: PAGE_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});
