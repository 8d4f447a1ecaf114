import { getDb } from "@settle/domain/db/client";
import { ListInvoicesSchema } from "@settle/domain/invoices/list-invoices";
import { ListPaymentsSchema } from "@settle/domain/payments/list-payments";
import { createCustomer, createInvoiceForCustomer, createPortalUser } from "@settle/domain/seed/factories";
import { GetStatementSchema } from "@settle/domain/statements/get-statement";
import { outcome, TROUBLEMAKERS } from "@settle/web/route-test.test-support";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { portalCaller, portalSessionCookie } from "../route-test.test-support";
import { loader as invoices } from "./invoices";
import { loader as invoicesCsv } from "./invoices-csv";
import { loader as login } from "./login";
import { loader as payReview } from "./pay-review";
import { loader as paymentHistory } from "./payment-history";
import { loader as paymentMethods } from "./payment-methods";
import { loader as statement } from "./statement";
import { loader as statementCsv } from "./statement-csv";

let customerId: string;
let cookie: string;
const call = portalCaller(() => ({ customerId }));

beforeAll(async () => {
  const db = getDb();
  customerId = (await createCustomer(db, { name: "Hostile Input 50% Ltd\\" })).id;
  await createInvoiceForCustomer(db, customerId);
  const user = await createPortalUser(db, {
    email: "hostile-input@portal.example",
    memberships: [{ customerId, role: "ADMIN" }],
  });
  cookie = await portalSessionCookie(user.id);
});

const hostile = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...TROUBLEMAKERS));

// The invoice list and statement read every field of their use case's schema from the URL.
const invoiceParams = Object.keys(ListInvoicesSchema.shape).filter((k) => k !== "customerId");
const statementParams = Object.keys(GetStatementSchema.shape).filter((k) => k !== "customerId");
const paymentParams = Object.keys(ListPaymentsSchema.shape).filter((k) => k !== "customerId");

const PAGES: {
  name: string;
  path: () => string;
  params: string[];
  run: (args: never) => Promise<unknown>;
}[] = [
  { name: "invoices", path: () => `/accounts/${customerId}/invoices`, params: invoiceParams, run: invoices },
  {
    name: "invoices CSV",
    path: () => `/accounts/${customerId}/invoices.csv`,
    params: invoiceParams,
    run: invoicesCsv,
  },
  {
    name: "statement",
    path: () => `/accounts/${customerId}/statement`,
    params: statementParams,
    run: statement,
  },
  {
    name: "statement CSV",
    path: () => `/accounts/${customerId}/statement.csv`,
    params: statementParams,
    run: statementCsv,
  },
  {
    name: "payments",
    path: () => `/accounts/${customerId}/payments`,
    params: paymentParams,
    run: paymentHistory,
  },
  { name: "pay", path: () => `/accounts/${customerId}/pay`, params: ["id"], run: payReview },
  {
    name: "payment methods",
    path: () => `/accounts/${customerId}/payment-methods`,
    params: ["done"],
    run: paymentMethods,
  },
  { name: "sign-in", path: () => "/login", params: ["problem", "redirectTo", "signedOut"], run: login },
];

describe("hostile input in search and filter parameters", () => {
  it("a search with LIKE's special characters finds what it says (a sanity check of the cases)", async () => {
    const found = await outcome(
      invoices(call(`/accounts/${customerId}/invoices?q=%25`, { cookie }) as never),
    );
    expect(found.status).toBe(200);
  });

  for (const page of PAGES) {
    it(`${page.name}: each known troublemaker in each parameter, never a server error`, async () => {
      for (const param of page.params) {
        for (const value of TROUBLEMAKERS) {
          const url = `${page.path()}?${new URLSearchParams({ [param]: value }).toString()}`;
          const { status } = await outcome(page.run(call(url, { cookie }) as never));
          expect(status, url).toBeLessThan(500);
        }
      }
    });

    it(`${page.name}: random values in random parameters, never a server error`, async () => {
      expect(page.params.length).toBeGreaterThan(0);
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...page.params), hostile, { minKeys: 1 }),
          async (values) => {
            const url = `${page.path()}?${new URLSearchParams(values).toString()}`;
            const { status } = await outcome(page.run(call(url, { cookie }) as never));
            expect(status, url).toBeLessThan(500);
          },
        ),
        { numRuns: 25 },
      );
    });
  }
});
