import { getDb } from "@settle/domain/db/client";
import { createCustomer, createInvoiceForCustomer, createStaffUser } from "@settle/domain/seed/factories";
import { outcome, TROUBLEMAKERS } from "@settle/web/route-test.test-support";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, staffSessionCookie } from "../route-test.test-support.ts";
import { loader as cardPayments } from "./card-payments.tsx";
import { loader as customerAccount } from "./customer-account.tsx";
import { loader as customers } from "./customers.tsx";
import { loader as devMailbox } from "./dev-mailbox.tsx";
import { loader as disputeMatrix } from "./dispute-matrix.tsx";
import { loader as disputeNew } from "./dispute-new.tsx";
import { loader as disputeReport } from "./dispute-report.tsx";
import { loader as disputeReportCsv } from "./dispute-report-csv.ts";
import { loader as disputes } from "./disputes.tsx";

const call = backofficeCaller();
let cookie: string;
let customerId: string;
let invoiceId: string;

beforeAll(async () => {
  const db = getDb();
  const user = await createStaffUser(db, {
    email: "hostile-input@settle.example",
    roles: ["ADMIN"],
    passwordHash: "not-used",
  });
  cookie = await staffSessionCookie(user.id);
  customerId = (await createCustomer(db, { name: "Hostile Input 50% Ltd\\" })).id;
  invoiceId = (await createInvoiceForCustomer(db, customerId)).id;
});

const hostile = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...TROUBLEMAKERS));

/** Every search and filter parameter of each page, set to hostile values at random. */
const PAGES: {
  name: string;
  path: () => string;
  params: string[];
  run: (args: never) => Promise<unknown>;
}[] = [
  { name: "customers", path: () => "/customers", params: ["q", "sort", "dir", "page"], run: customers },
  {
    name: "card payments",
    path: () => "/card-payments",
    params: ["q", "status", "refund", "chargeback", "source", "page"],
    run: cardPayments,
  },
  {
    name: "disputes",
    path: () => "/disputes",
    params: [
      "q",
      "status",
      "reason",
      "ownerId",
      "departmentId",
      "customerId",
      "overdue",
      "sort",
      "dir",
      "page",
    ],
    run: disputes,
  },
  {
    name: "customer account",
    path: () => `/customers/${customerId}`,
    params: ["page", "proposed"],
    run: customerAccount,
  },
  {
    name: "new dispute",
    path: () => "/disputes/new",
    params: ["customerId", "invoiceId", "iq", "sort", "dir", "page"],
    run: disputeNew,
  },
  {
    name: "dispute matrix",
    path: () => "/settings/dispute-matrix",
    params: ["inactive", "year", "entity", "edit", "department"],
    run: disputeMatrix,
  },
  {
    name: "dispute report",
    path: () => "/reports/disputes",
    params: ["from", "to", "groupBy"],
    run: disputeReport,
  },
  {
    name: "dispute report CSV",
    path: () => "/reports/disputes.csv",
    params: ["from", "to", "groupBy"],
    run: disputeReportCsv,
  },
  { name: "dev mailbox", path: () => "/dev/mailbox", params: ["to", "page", "email"], run: devMailbox },
];

describe("hostile input in search and filter parameters", () => {
  it("the seeded values make sense to the pages (a sanity check of the cases)", async () => {
    const found = await outcome<{ rows: { name: string }[] }>(
      customers(call("/customers?q=50%25%20Ltd%5C", { cookie })),
    );
    expect(found.data?.rows.map((r) => r.name)).toEqual(["Hostile Input 50% Ltd\\"]);
    expect(invoiceId).toBeTruthy();
  });

  for (const page of PAGES) {
    it(`${page.name}: each known troublemaker in each parameter, never a server error`, async () => {
      for (const param of page.params) {
        for (const value of TROUBLEMAKERS) {
          const url = `${page.path()}?${new URLSearchParams({ [param]: value }).toString()}`;
          const { status } = await outcome(page.run(call(url, { cookie, params: { customerId } }) as never));
          expect(status, url).toBeLessThan(500);
        }
      }
    });

    it(`${page.name}: random values in random parameters, never a server error`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...page.params), hostile, { minKeys: 1 }),
          async (values) => {
            const query = new URLSearchParams(values).toString();
            const url = `${page.path()}?${query}`;
            const { status } = await outcome(
              page.run(call(url, { cookie, params: { customerId } }) as never),
            );
            expect(status, url).toBeLessThan(500);
          },
        ),
        { numRuns: 25 },
      );
    });
  }
});
