import { backofficeHealthz } from "./healthz.ts";
import { httpCase } from "./http-case.ts";

export const backofficeCustomerAccount = httpCase({
  name: "backoffice customer account",
  description:
    "Back office account page of the big customer (/customers/:id): session, balances, first page of open items, recent activity, server-rendered.",
  app: "backoffice",
  path: (ctx) => `/customers/${ctx.dataset.bigCustomerId}`,
  signedIn: true,
  floor: backofficeHealthz.name,
  expect: (ctx) => [ctx.dataset.bigCustomerAccountNumber],
});
