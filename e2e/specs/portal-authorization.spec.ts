import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import routes from "../../apps/portal/app/routes.ts";
import { systemActor } from "../../packages/domain/src/actor.ts";
import { raiseDispute } from "../../packages/domain/src/disputes/raise-dispute.ts";
import { recordCredit } from "../../packages/domain/src/ledger/record-credit.ts";
import { proposePaymentPlan } from "../../packages/domain/src/plans/propose-payment-plan.ts";
import { E2E } from "../env.ts";
import { type CustomerFixture, createCustomerWithInvoices, createPortalUserFor } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

/**
 * Walks every portal route that takes an id, straight from the route config (so a new route is
 * covered, or this spec says it is not), as a portal user of customer A with customer B's ids:
 * every answer must be a 404 that shows nothing of B. Each route is first requested with A's own
 * ids and must answer 200, so a broken route cannot pass for a protected one.
 */

interface RouteEntry {
  path: string;
  file: string;
}

interface ConfigEntry {
  path?: string;
  file: string;
  index?: boolean;
  children?: ConfigEntry[];
}

function flatten(entries: readonly ConfigEntry[], prefix = ""): RouteEntry[] {
  return entries.flatMap((entry) => {
    const path = [prefix, entry.path ?? ""].filter(Boolean).join("/");
    const self = entry.path || entry.index ? [{ path, file: entry.file }] : [];
    return [...self, ...flatten(entry.children ?? [], path)];
  });
}

const ALL_ROUTES = flatten(routes as ConfigEntry[]);
const paramsOf = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/** Routes whose parameter is not an account-scoped id, and why. */
const EXEMPT: Record<string, string> = {
  "invitations/:token":
    "public: the e-mailed token is the credential itself (expired, used and unknown tokens are the invitation spec's)",
};

/** The ids this spec knows how to swap for another customer's. */
const KNOWN_PARAMS = new Set([
  "customerId",
  "invoiceId",
  "attemptId",
  "disputeId",
  "attachmentId",
  "paymentId",
  "planId",
]);

/**
 * Routes whose own-account answer is not a page: Stripe Checkout's return for a saved card records
 * the card of the Checkout Session its URL names, so without one there is nothing to record, on
 * one's own account too (the autopay spec walks the real return).
 */
const OWN_STATUS: Record<string, number> = {
  "accounts/:customerId/payment-methods/added": 404,
};

/** Ids some routes take in the query string rather than the path. */
const QUERY_IDS: Record<string, (ids: Ids) => string> = {
  "accounts/:customerId/invoices.zip": (ids) => `?id=${ids.invoiceId}`,
  "accounts/:customerId/pay": (ids) => `?id=${ids.invoiceId}`,
};

interface Ids {
  customerId: string;
  invoiceId: string;
  /** A card payment attempt (the page Stripe Checkout returns to). */
  attemptId: string;
  /** An invoice dispute, and one of its documents. */
  disputeId: string;
  attachmentId: string;
  /** A payment (its receipt). */
  paymentId: string;
  /** A payment plan offered to the customer (its page and agreement). */
  planId: string;
}

const ID_ROUTES = ALL_ROUTES.filter((r) => paramsOf(r.path).length > 0 && !(r.path in EXEMPT));

function urlFor(route: RouteEntry, ids: Ids, query = QUERY_IDS[route.path]?.(ids) ?? ""): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(ids[name as keyof Ids]));
  return `${E2E.portalUrl}/${path}${query}`;
}

/** A card payment attempt of the customer, as the review page records it before Stripe. */
async function attemptIdOf(customer: CustomerFixture, invoiceId: string): Promise<string> {
  const payer = await getDb().portalUser.create({
    data: { email: `payer-${randomUUID().slice(0, 8)}@e2e.example`, name: "Pat Payer" },
  });
  const attempt = await getDb().paymentAttempt.create({
    data: {
      customerId: customer.id,
      currency: "USD",
      amount: 100n,
      idempotencyKey: randomUUID(),
      createdById: payer.id,
      allocations: { create: [{ itemId: invoiceId, amount: 100n }] },
    },
  });
  return attempt.id;
}

const PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** A dispute of the customer's invoice with one document, raised by one of its portal users. */
async function disputeOf(customer: CustomerFixture, invoiceId: string, userEmail: string) {
  const user = await getDb().portalUser.findUniqueOrThrow({ where: { email: userEmail } });
  const dispute = await raiseDispute(
    {
      customerId: customer.id,
      invoiceId,
      scope: "WHOLE",
      reason: "PRICING",
      description: "The prices are not the contract's.",
      attachments: [{ fileName: "contract.pdf", bytes: PDF }],
      idempotencyKey: randomUUID(),
    },
    { kind: "portal", userId: user.id, memberships: [{ customerId: customer.id, role: "ADMIN" }] },
  );
  const attachment = await getDb().disputeAttachment.findFirstOrThrow({
    where: { disputeId: dispute.id },
    select: { id: true },
  });
  return { disputeId: dispute.id, attachmentId: attachment.id };
}

/** A payment of the customer (an ERP receipt by bank transfer). */
function paymentOf(customer: CustomerFixture) {
  return recordCredit(
    {
      customerId: customer.id,
      kind: "PAYMENT",
      number: `RCT-${randomUUID().slice(0, 8)}`,
      currency: "USD",
      amount: 1_000n,
      documentDate: new Date(),
      paymentMethod: "BANK_TRANSFER",
    },
    systemActor("e2e-authorization"),
  );
}

/** A payment plan offered to the customer on its third invoice, open for a week. */
async function planOf(customer: CustomerFixture): Promise<string> {
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const plan = await proposePaymentPlan(
    {
      customerId: customer.id,
      invoiceIds: [await invoiceIdOf(customer, 2)],
      instalments: 2,
      frequency: "MONTHLY",
      firstDate: day(14),
      expiresOn: day(7),
      idempotencyKey: randomUUID(),
    },
    systemActor("e2e-authorization"),
  );
  return plan.id;
}

async function invoiceIdOf(customer: CustomerFixture, index = 0): Promise<string> {
  const item = await getDb().openItem.findFirstOrThrow({
    where: { customerId: customer.id, number: customer.invoiceNumbers[index]! },
    select: { id: true },
  });
  return item.id;
}

test.describe("portal authorization", () => {
  test("every route with a parameter is walked by this spec or exempt with a reason", () => {
    const unknown = ALL_ROUTES.filter((r) => !(r.path in EXEMPT)).flatMap((r) =>
      paramsOf(r.path)
        .filter((p) => !KNOWN_PARAMS.has(p))
        .map((p) => `${r.path} (${r.file}): ":${p}"`),
    );
    expect(unknown, "Teach this spec how to swap these ids for another customer's, or exempt them").toEqual(
      [],
    );
    for (const path of Object.keys(EXEMPT)) expect(ALL_ROUTES.map((r) => r.path)).toContain(path);
    // The downloads are in the walk, so each is scoped like its page.
    expect(ID_ROUTES.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        "accounts/:customerId",
        "accounts/:customerId/statement",
        "accounts/:customerId/statement.pdf",
        "accounts/:customerId/invoices/:invoiceId",
        "accounts/:customerId/invoices/:invoiceId/pdf",
        "accounts/:customerId/invoices.zip",
        "accounts/:customerId/pay",
        "accounts/:customerId/payments/:attemptId",
        "accounts/:customerId/payments/:paymentId/receipt",
        "accounts/:customerId/disputes/:disputeId",
        "accounts/:customerId/disputes/:disputeId/documents/:attachmentId",
        "accounts/:customerId/payment-plans/:planId",
        "accounts/:customerId/payment-plans/:planId/agreement.pdf",
      ]),
    );
  });

  test("a portal user of customer A gets 404 for every route with customer B's ids", async ({ page }) => {
    test.setTimeout(180_000);
    const a = await createCustomerWithInvoices();
    const b = await createCustomerWithInvoices();
    // An administrator of A, so every one of A's own pages is open to the user.
    const user = await createPortalUserFor([a], "ADMIN");
    await signInToPortal(page, user.email);
    await expect(page).toHaveURL(new RegExp(`/accounts/${a.id}`));

    const ownInvoice = await invoiceIdOf(a);
    const foreignInvoice = await invoiceIdOf(b);
    const bUser = await createPortalUserFor([b], "ADMIN");
    const aPayment = await paymentOf(a);
    // Disputes on each customer's second invoice (the first stays payable for the pay page).
    const own: Ids = {
      customerId: a.id,
      invoiceId: ownInvoice,
      attemptId: await attemptIdOf(a, ownInvoice),
      ...(await disputeOf(a, await invoiceIdOf(a, 1), user.email)),
      paymentId: aPayment.id,
      planId: await planOf(a),
    };
    const foreign: Ids = {
      customerId: b.id,
      invoiceId: foreignInvoice,
      attemptId: await attemptIdOf(b, foreignInvoice),
      ...(await disputeOf(b, await invoiceIdOf(b, 1), bUser.email)),
      paymentId: (await paymentOf(b)).id,
      planId: await planOf(b),
    };
    const leaks = [b.name, b.accountNumber, ...b.invoiceNumbers];

    const expectStatus = async (url: string, status: number) => {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(status);
      if (status !== 200) {
        const body = await response.text();
        for (const leak of leaks) expect(body, `${url} shows ${leak}`).not.toContain(leak);
      }
    };

    for (const route of ID_ROUTES) {
      const params = paramsOf(route.path);
      await expectStatus(urlFor(route, own), OWN_STATUS[route.path] ?? 200);

      const cases: Ids[] = [
        foreign,
        { ...own, customerId: "not-a-uuid" },
        { ...own, customerId: randomUUID() },
      ];
      if (params.includes("invoiceId") || route.path in QUERY_IDS) {
        cases.push(
          { ...own, invoiceId: foreign.invoiceId },
          { ...own, customerId: foreign.customerId },
          { ...own, invoiceId: "not-a-uuid" },
          { ...own, invoiceId: randomUUID() },
          // A payment is not an invoice.
          { ...own, invoiceId: aPayment.id },
        );
      }
      if (params.includes("attemptId")) {
        cases.push(
          { ...own, attemptId: foreign.attemptId },
          { ...own, customerId: foreign.customerId },
          { ...own, attemptId: "not-a-uuid" },
          { ...own, attemptId: randomUUID() },
        );
      }
      if (params.includes("disputeId")) {
        cases.push(
          { ...own, disputeId: foreign.disputeId, attachmentId: foreign.attachmentId },
          { ...own, disputeId: foreign.disputeId },
          { ...own, customerId: foreign.customerId },
          { ...own, disputeId: "not-a-uuid" },
          { ...own, disputeId: randomUUID() },
        );
      }
      if (params.includes("attachmentId")) {
        cases.push(
          // B's document under A's own dispute.
          { ...own, attachmentId: foreign.attachmentId },
          { ...own, attachmentId: "not-a-uuid" },
          { ...own, attachmentId: randomUUID() },
        );
      }
      if (params.includes("paymentId")) {
        cases.push(
          { ...own, paymentId: foreign.paymentId },
          { ...own, customerId: foreign.customerId },
          { ...own, paymentId: "not-a-uuid" },
          { ...own, paymentId: randomUUID() },
          // An invoice is not a payment.
          { ...own, paymentId: own.invoiceId },
        );
      }
      if (params.includes("planId")) {
        cases.push(
          { ...own, planId: foreign.planId },
          { ...own, customerId: foreign.customerId },
          { ...own, planId: "not-a-uuid" },
          { ...own, planId: randomUUID() },
          // A payment is not a plan.
          { ...own, planId: own.paymentId },
        );
      }
      for (const ids of cases) await expectStatus(urlFor(route, ids), 404);
    }

    // One of B's invoices among A's own in a ZIP download: the whole download is refused.
    await expectStatus(
      `${E2E.portalUrl}/accounts/${a.id}/invoices.zip?id=${own.invoiceId}&id=${foreign.invoiceId}`,
      404,
    );
    // B's legal entity as A's statement filter is refused without showing anything of B.
    const bEntity = await getDb().customer.findUniqueOrThrow({
      where: { id: b.id },
      select: { legalEntityId: true },
    });
    for (const path of ["statement", "statement.pdf", "statement.csv"]) {
      const url = `${E2E.portalUrl}/accounts/${a.id}/${path}?legalEntityId=${bEntity.legalEntityId}`;
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(400);
      const body = await response.text();
      for (const leak of leaks) expect(body, `${url} shows ${leak}`).not.toContain(leak);
    }
  });
});
