import { backofficeHealthz } from "./healthz.ts";
import { PAGE_TARGET, pageCases } from "./http-case.ts";

export const [backofficeCustomerAccount, backofficeCustomerAccountData] = pageCases({
  name: "backoffice customer account",
  description:
    "Back office account page of the big customer (/customers/:id): balances, first page of open items, recent activity.",
  app: "backoffice",
  routeId: "routes/customer-account",
  path: (ctx) => `/customers/${ctx.dataset.bigCustomerId}`,
  signedIn: true,
  floor: backofficeHealthz.name,
  target: PAGE_TARGET,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});
