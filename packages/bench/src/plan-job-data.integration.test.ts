import { withClient } from "@settle/db-tools/databases";
import { getDb } from "@settle/domain/db/client";
import { findLedgerViolations } from "@settle/domain/ledger/verify-ledger";
import { configureStripe } from "@settle/domain/payments/stripe-client";
import { getPlanPolicy } from "@settle/domain/plans/plan-policy";
import { runPaymentPlans } from "@settle/domain/plans/run-payment-plans";
import { describe, expect, it } from "vitest";
import { testBenchDatabase } from "./bench-database.test-support.ts";
import { generateDataset } from "./generate.ts";
import { firstRunDifferences, secondRunProblems } from "./plan-job-checks.ts";
import {
  type PlanJobSetup,
  planJobState,
  resetPlanJobData,
  type SandboxCard,
  saveSandboxCards,
} from "./plan-job-data.ts";
import { expectedFirstRun, type PlanPolicyDays, totalPlans } from "./plan-job-shape.ts";
import { resolveScale } from "./scale.ts";
import { startBenchStripe } from "./stripe.ts";

const db = testBenchDatabase();
const { url } = db;
const scale = resolveScale({ items: "4000", customers: "40" });
const portalUrl = "http://portal.settle.example";

/** The book: every item's amounts and every application. */
const bookChecksum = () =>
  withClient(url, async (c) => {
    const { rows } = await c.query<{ items: string; applications: string; n: string }>(
      `SELECT (SELECT md5(string_agg(id || ':' || amount || ':' || open_amount, ',' ORDER BY id)) FROM open_item) AS items,
              (SELECT md5(string_agg(id || ':' || kind || ':' || amount, ',' ORDER BY id)) FROM application) AS applications,
              (SELECT count(*) FROM open_item) AS n`,
    );
    return rows[0];
  });

describe("plan job data", () => {
  it("gives the job the work it was shaped for, a second run none, and a reset puts the book back", async () => {
    const dataset = await generateDataset(db, scale, { log: () => {} });
    const generated = await bookChecksum();
    const stripe = await startBenchStripe();
    try {
      configureStripe({ sandboxUrl: stripe.url, webhookSecret: stripe.webhookSecret });
      const policies = new Map<string, PlanPolicyDays>();
      for (const { id } of await getDb().legalEntity.findMany({ select: { id: true } }))
        policies.set(id, await getPlanPolicy(id));
      const cards = new Map<string, SandboxCard>();
      const now = new Date();
      const setup: PlanJobSetup = {
        today: now.toISOString().slice(0, 10),
        target: 10_000,
        bigCustomerId: dataset.bigCustomerId,
        staffUserId: dataset.staffUserId,
        policies,
        cardsFor: (customers) => saveSandboxCards(stripe.stripe, cards, customers),
      };
      const data = await withClient(url, (c) => resetPlanJobData(c, setup));
      // A small book holds fewer plans than asked for, each slice its share of them.
      expect(data.plans).toBe(totalPlans(data.counts));
      expect(data.plans).toBe(data.openAvailable + data.counts.complete);
      for (const slice of ["reminder", "broken", "default", "complete", "autopay-due"] as const)
        expect(data.counts[slice], slice).toBeGreaterThan(0);
      expect(data.cards).toBeGreaterThan(0);
      expect(data.customerIds).not.toContain(dataset.bigCustomerId);
      const shape = await withClient(url, async (c) => {
        const { rows } = await c.query<Record<string, string>>(
          `SELECT count(*) FILTER (WHERE p.covered <> (SELECT sum(amount) FROM payment_plan_instalment i WHERE i.plan_id = p.id)) AS schedule_not_covered,
                  count(*) FILTER (WHERE p.covered <> (SELECT sum(amount) FROM payment_plan_invoice v WHERE v.plan_id = p.id)) AS invoices_not_covered,
                  count(*) FILTER (WHERE p.pay_by = 'AUTOPAY' AND p.saved_card_id IS NULL) AS autopay_without_card,
                  count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM portal_membership m WHERE m.customer_id = p.customer_id AND m.role = 'PAYER')) AS without_payer,
                  (SELECT count(*) FROM payment_plan_invoice v JOIN open_item o ON o.id = v.item_id
                    WHERE v.amount <> CASE WHEN o.open_amount = 0 THEN o.amount ELSE o.open_amount END) AS invoices_not_at_open_amount
             FROM payment_plan p`,
        );
        return rows[0];
      });
      expect(shape).toEqual({
        schedule_not_covered: "0",
        invoices_not_covered: "0",
        autopay_without_card: "0",
        without_payer: "0",
        invoices_not_at_open_amount: "0",
      });

      const start = await withClient(url, planJobState);
      const first = await runPaymentPlans({ now, portalUrl });
      expect(firstRunDifferences(first, expectedFirstRun(data.counts))).toEqual([]);
      expect(first.charged).toBe(data.counts["autopay-due"]);
      const before = await withClient(url, planJobState);
      expect(before.outbox - start.outbox).toBeGreaterThanOrEqual(
        data.counts.reminder + data.counts.default + data.counts.complete + data.counts["autopay-due"],
      );
      const second = await runPaymentPlans({ now, portalUrl });
      expect(secondRunProblems(second, before, await withClient(url, planJobState))).toEqual([]);
      expect(await findLedgerViolations(getDb(), data.customerIds)).toEqual([]);
      expect(await bookChecksum()).not.toEqual(generated);

      // The next reset takes the charges' payments back out: the book is as generated, the plans
      // the same again, and the job's e-mails, tasks and audit events are gone.
      const again = await withClient(url, (c) => resetPlanJobData(c, setup));
      expect(again).toEqual(data);
      expect(await bookChecksum()).toEqual(generated);
      const left = await withClient(url, planJobState);
      expect([left.charges, left.attempts, left.tasks, left.audit]).toEqual([0, 0, 0, 0]);
      expect(left.outbox).toBe(start.outbox);
      expect(await findLedgerViolations(getDb())).toEqual([]);
    } finally {
      await stripe.close();
    }
  });
});
