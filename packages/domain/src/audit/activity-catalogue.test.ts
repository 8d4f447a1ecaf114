/// <reference types="vite/client" />
import { readdirSync, readFileSync } from "node:fs";
import { type ActivityFactsShape, activitySentence } from "@settle/i18n/activity";
import { instancesPerLanguage } from "@settle/i18n/instances";
import { isolate } from "@settle/i18n/isolate";
import type { Locale } from "@settle/i18n/locales";
import { namespaces, resources } from "@settle/i18n/portal";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../money/money.ts";
import { type ActivityFacts, CUSTOMER_ACTIONS } from "./activity-facts.ts";

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

// The portal shows a payment plan's life from offer or request to its end, what was paid or missed
// and Pay now (CUSTOMER_ACTIONS); these stay with staff.
const PLAN_FOR_STAFF = [
  "payment-plan.fee",
  "payment-plan.activate",
  "payment-plan.instalment-broken",
  "payment-plan.charge",
  "payment-plan.charge-failed",
];

// The portal's own bundle of catalogues, as its pages word the activity.
const i18nFor = instancesPerLanguage({ resources, namespaces, defaultNS: "activity" });
const LANGUAGES: Locale[] = ["en", "es", "pt-BR", "ar"];
const say = (locale: Locale, facts: ActivityFacts) =>
  activitySentence(i18nFor(locale).t, facts as ActivityFactsShape, { locale, money: formatMoney });

const settle = { kind: "system", name: null } as const;
const payer = { kind: "portal", name: "Ana Clerk" } as const;
const plan = "PP-1001";
const usd = (amount: bigint) => ({ amount, currency: "USD" });
/** One of each payment plan event's facts (and variants), as withActivityFacts gives them. */
const PLAN_FACTS: ActivityFacts[] = [
  { action: "payment-plan.propose", actor: settle, plan, amount: usd(1_234_56n), day: "2027-03-02" },
  { action: "payment-plan.request", actor: payer, plan, amount: usd(1_234_56n), day: "2027-03-02" },
  { action: "payment-plan.self-service", actor: payer, plan, amount: usd(1_234_56n), day: "2027-03-02" },
  { action: "payment-plan.offer-request", actor: settle, plan },
  { action: "payment-plan.decline-request", actor: settle, plan, message: "Pay by the 30th." },
  { action: "payment-plan.accept", actor: payer, plan },
  { action: "payment-plan.accept", actor: payer, plan, variant: "autopay" },
  { action: "payment-plan.decline", actor: payer, plan },
  { action: "payment-plan.request-changes", actor: payer, plan },
  { action: "payment-plan.expire", actor: settle, plan },
  { action: "payment-plan.activate", actor: settle, plan },
  { action: "payment-plan.default", actor: settle, plan },
  { action: "payment-plan.complete", actor: settle, plan },
  { action: "payment-plan.cancel", actor: settle, plan, reason: "Paid by transfer." },
  { action: "payment-plan.fee", actor: payer, plan, item: "FEE-7", amount: usd(25_00n) },
  { action: "payment-plan.instalment-paid", actor: settle, plan, instalment: "2", amount: usd(400_00n) },
  {
    action: "payment-plan.instalment-paid",
    actor: settle,
    plan,
    instalment: "0",
    amount: usd(100_00n),
    variant: "down",
  },
  {
    action: "payment-plan.instalment-missed",
    actor: settle,
    plan,
    instalment: "2",
    amount: usd(400_00n),
    day: "2027-03-02",
  },
  {
    action: "payment-plan.instalment-missed",
    actor: settle,
    plan,
    instalment: "0",
    amount: usd(100_00n),
    day: "2027-03-02",
    variant: "down",
  },
  { action: "payment-plan.instalment-broken", actor: settle, plan, instalment: "2" },
  { action: "payment-plan.instalment-broken", actor: settle, plan, instalment: "0", variant: "down" },
  { action: "payment-plan.charge", actor: settle, plan, amount: usd(400_00n), invoices: ["INV-1", "INV-2"] },
  { action: "payment-plan.charge-failed", actor: settle, plan, day: "2027-03-02" },
  { action: "payment-plan.charge-failed", actor: settle, plan, variant: "last" },
  { action: "payment-plan.pay", actor: payer, plan, amount: usd(400_00n) },
  { action: "payment-plan.cancel", actor: payer, plan, as: "PP-1002", variant: "rescheduled" },
];

describe("payment plan events", () => {
  it("are each shown to customers or kept for staff, by a rule written down here", () => {
    const written = writtenActions().filter((a) => a.startsWith("payment-plan."));
    const forCustomers = CUSTOMER_ACTIONS.filter((a) => a.startsWith("payment-plan."));
    expect(forCustomers.filter((a) => PLAN_FOR_STAFF.includes(a))).toEqual([]);
    expect([...forCustomers, ...PLAN_FOR_STAFF].sort()).toEqual(written);
    expect(new Set(PLAN_FACTS.map((f) => f.action))).toEqual(new Set(written));
  });

  it("read as sentences with the plan, its amounts and days in the reader's language", () => {
    for (const locale of LANGUAGES) {
      const said = PLAN_FACTS.map((facts) => say(locale, facts));
      for (const [i, text] of said.entries()) {
        expect(text, `${locale} ${PLAN_FACTS[i]?.action}`).toContain(plan);
        expect(text).not.toMatch(/\{\{|\}\}|payment-plan\./);
        expect(text).not.toBe(say(locale, { action: "other", actor: PLAN_FACTS[i]!.actor }));
      }
      // Each variant is its own sentence.
      expect(new Set(said).size).toBe(said.length);
    }
    expect(say("en", PLAN_FACTS[0]!)).toBe(
      "Settle offered payment plan PP-1001 for $1,234.56, first payment on Mar 2, 2027",
    );
    expect(say("en", PLAN_FACTS[18]!)).toBe(
      "Settle sent a reminder: the down payment of payment plan PP-1001, $100.00 due on Mar 2, 2027, is unpaid",
    );
    expect(say("en", PLAN_FACTS.at(-1)!)).toBe(
      "Ana Clerk replaced payment plan PP-1001 with PP-1002, its new schedule",
    );
    expect(say("en", PLAN_FACTS[21]!)).toBe(
      "Settle started an autopay charge of $400.00 for payment plan PP-1001 on INV-1 and INV-2",
    );
    expect(say("es", PLAN_FACTS[15]!)).toBe(
      `Settle registró como pagada la cuota 2 del plan de pagos PP-1001: ${formatMoney(400_00n, "USD", "es")}`,
    );
    expect(say("pt-BR", PLAN_FACTS[0]!)).toContain(`de ${formatMoney(1_234_56n, "USD", "pt-BR")}`);
    expect(say("pt-BR", PLAN_FACTS[0]!)).toContain("2 de mar. de 2027");
    expect(say("ar", PLAN_FACTS[14]!)).toBe(
      `فرض ${isolate("Ana Clerk")} الرسوم ${isolate("FEE-7")} بمبلغ ${isolate(formatMoney(25_00n, "USD", "ar"))} على خطة السداد ${isolate(plan)}`,
    );
  });
});
