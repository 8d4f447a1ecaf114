import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Every audited action the domain writes has a sentence in the activity catalogue (the parity test
// holds the other languages to English), so no page falls back to "… recorded a change" for it.

const SOURCE = new URL("../", import.meta.url);
const english = JSON.parse(
  readFileSync(new URL("../../../i18n/locales/en/activity.json", import.meta.url), "utf8"),
) as { sentences: Record<string, Record<string, string>> };

/** Actions written from a template (`${kind}.create`, `refund.${status}`): every value it takes. */
const TEMPLATED = [
  "invoice.create",
  "debit_memo.create",
  "fee.create",
  "payment.record",
  "credit_memo.record",
  "card-payment.processing",
  "card-payment.failed",
  "card-payment.canceled",
  "refund.pending",
  "refund.succeeded",
  "refund.failed",
  "refund.canceled",
  "chargeback.open",
  "chargeback.won",
  "chargeback.lost",
  "payment-plan.accept",
  "payment-plan.decline",
  "payment-plan.request-changes",
];

function writtenActions(): string[] {
  const files = readdirSync(SOURCE, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.includes(".test") && !f.includes("test-support") && !f.startsWith("db/"),
  );
  const actions = new Set<string>();
  for (const file of files) {
    for (const line of readFileSync(new URL(file, SOURCE), "utf8").split("\n")) {
      if (!/^\s*action: /.test(line)) continue;
      for (const [, action] of line.matchAll(/"([a-z_-]+\.[a-z_-]+)"/g)) actions.add(action as string);
    }
  }
  return [...actions, ...TEMPLATED].sort();
}

describe("the activity catalogue", () => {
  it("has an English sentence for every action the domain audits", () => {
    const actions = writtenActions();
    expect(actions).toEqual(expect.arrayContaining(["dispute.raise", "dispute.note", "refund.approve"]));
    const missing = actions.filter((action) => {
      const [area = "", verb = ""] = action.split(".");
      return typeof english.sentences[area]?.[verb] !== "string";
    });
    expect(missing).toEqual([]);
  });
});
