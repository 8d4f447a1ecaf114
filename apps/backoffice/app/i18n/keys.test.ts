import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { i18nFor } from "./instance.ts";

// Pages moved to the catalogue, with the namespace their bare keys belong to. Every literal key
// they pass to `t` must exist in English (the parity test then holds the other languages to it);
// a missing key would show up on the page as the key itself.
const FILES: Record<string, string> = {
  "../root.tsx": "common",
  "../routes/staff-layout.tsx": "common",
  "../components/error-page.tsx": "common",
  "../routes/account.tsx": "account",
  "../components/account/language-form.tsx": "account",
  "../routes/home.tsx": "home",
  "../routes/customers.tsx": "customers",
  "../routes/disputes.tsx": "disputes",
  "../components/disputes/dispute-columns.tsx": "disputes",
  "../routes/card-payments.tsx": "card-payments",
  "../components/card-payments/card-payment-columns.tsx": "card-payments",
  "../routes/refund-approval.tsx": "refunds",
  "../components/settings/refund-thresholds.tsx": "refunds",
  "../routes/customer-account.tsx": "customer-account",
  "../components/customers/account-summary.tsx": "customer-account",
  "../components/customers/open-items.tsx": "customer-account",
  "../components/customers/account-activity.tsx": "customer-account",
  "../components/customers/account-flags-panel.tsx": "customer-account",
  "../components/customers/portal-access-panel.tsx": "customer-account",
  "../routes/dispute.tsx": "dispute",
  "../components/disputes/dispute-header.tsx": "dispute",
  "../components/disputes/dispute-what.tsx": "dispute",
  "../components/disputes/dispute-invoice-card.tsx": "dispute",
  "../components/disputes/dispute-assignment.tsx": "dispute",
  "../components/disputes/dispute-contact.tsx": "dispute",
  "../components/disputes/dispute-thread.tsx": "dispute",
  "../components/disputes/dispute-documents.tsx": "dispute",
  "../components/disputes/dispute-decision.tsx": "dispute",
  "../components/disputes/dispute-resolve-form.tsx": "dispute",
  "../components/disputes/dispute-withdraw.tsx": "dispute",
  "../components/disputes/dispute-history.tsx": "dispute",
  "../routes/card-payment.tsx": "card-payment",
  "../components/card-payments/card-payment-refunds.tsx": "card-payment",
  "../components/card-payments/card-payment-ledger.tsx": "card-payment",
  "../components/card-payments/refund-reopen.tsx": "card-payment",
  "../routes/dispute-new.tsx": "dispute-new",
  "../components/disputes/choose-customer.tsx": "dispute-new",
  "../components/disputes/choose-invoice.tsx": "dispute-new",
  "../components/disputes/raise-dispute-form.tsx": "dispute-new",
  "../components/disputes/raise-dispute-scope.tsx": "dispute-new",
  "../routes/login.tsx": "sign-in",
  "../components/sign-in-form.tsx": "sign-in",
  "../routes/account-sessions.tsx": "sessions",
  "../routes/dev-mailbox.tsx": "dev-mailbox",
  "../components/dev-mailbox/mailbox-list.tsx": "dev-mailbox",
  "../components/dev-mailbox/mailbox-message.tsx": "dev-mailbox",
  "../routes/dispute-matrix.tsx": "dispute-matrix",
  "../components/disputes/matrix-rules.tsx": "dispute-matrix",
  "../components/disputes/matrix-rule-form.tsx": "dispute-matrix",
  "../components/disputes/matrix-holidays.tsx": "dispute-matrix",
  "../components/disputes/matrix-thresholds.tsx": "dispute-matrix",
  "../routes/dispute-report.tsx": "dispute-report",
  "../components/disputes/report-chart.tsx": "dispute-report",
  "../components/disputes/report-period-form.tsx": "dispute-report",
  "../components/disputes/report-tables.tsx": "dispute-report",
  "../routes/payment-plan.tsx": "payment-plan",
  "../components/plans/plan-facts.tsx": "payment-plan",
  "../components/plans/plan-tables.tsx": "payment-plan",
  "../components/plans/cancel-plan-form.tsx": "payment-plan",
  "./list-words.ts": "common",
  "../components/list-pagination.tsx": "common",
};

function literalKeys(source: string): string[] {
  const keys = [...source.matchAll(/\bt\(\s*"([^"]+)"/g), ...source.matchAll(/i18nKey="([^"]+)"/g)];
  return keys.map((match) => match[1] ?? "");
}

describe("the back office's keys", () => {
  for (const [file, ns] of Object.entries(FILES)) {
    it(`${file.replace(/^\.\.?\//, "")} uses only keys the catalogue has`, () => {
      const source = readFileSync(new URL(file, import.meta.url), "utf8");
      const keys = literalKeys(source);
      expect(keys.length, "no keys found: is the file still translated?").toBeGreaterThan(0);
      const english = i18nFor("en");
      // A plural key exists by its forms (key_one, key_other).
      const missing = keys.filter(
        (key) => !english.exists(key, { ns }) && !english.exists(key, { ns, count: 2 }),
      );
      expect(missing).toEqual([]);
    });
  }
});
