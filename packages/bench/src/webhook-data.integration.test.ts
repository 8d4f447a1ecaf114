import { withClient } from "@settle/db-tools/databases";
import { systemActor } from "@settle/domain/actor";
import { findLedgerViolations } from "@settle/domain/ledger/verify-ledger";
import { recordCardPayment } from "@settle/domain/payments/record-card-payment";
import { describe, expect, it } from "vitest";
import {
  ALLOCATIONS_PER_CUSTOMER,
  checkWebhookIngestion,
  INVOICES_PER_CUSTOMER,
  resetWebhookData,
} from "./webhook-data.ts";

const url = process.env.DATABASE_URL as string;
const actor = systemActor("stripe-webhook");

describe("webhook ingestion data", () => {
  it("is recreated from scratch, and the check finds exactly-once payments and nothing else", async () => {
    await withClient(url, (c) =>
      c.query(
        `INSERT INTO legal_entity (id, code, name, currency, country, remit_to_name, bank_name, bank_account_name, bank_account)
         VALUES (gen_random_uuid(), 'US01', 'Bench Inc.', 'USD', 'US', 'Bench Inc.', 'Bank', 'Bench Inc.', '123')`,
      ),
    );
    const data = await withClient(url, (c) => resetWebhookData(c, 2));
    expect(data.attempts).toHaveLength(40);
    expect(data.invoices).toBe(2 * INVOICES_PER_CUSTOMER);
    expect(data.allocations).toBe(2 * ALLOCATIONS_PER_CUSTOMER);
    const intents = new Map(data.attempts.map((a, i) => [a.id, `pi_bench${String(i).padStart(20, "0")}`]));
    const expectation = (paid: Map<string, string>) => ({
      paymentIntents: paid,
      eventIds: [...paid.values()].map((pi) => `evt_${pi}`),
      attempts: data.attempts.length,
      invoices: data.invoices,
    });
    const check = (paid: Map<string, string>) =>
      withClient(url, (c) => checkWebhookIngestion(c, expectation(paid)));
    // Nothing delivered yet: nothing paid, nothing out of place.
    expect((await check(new Map())).problems).toEqual([]);

    // Every attempt paid through the domain twice at the same moment (the webhook and a duplicate
    // racing), alongside attempts sharing its invoices, then once more; plus its inbox row.
    const pay = (attemptId: string) => {
      const attempt = data.attempts.find((a) => a.id === attemptId)!;
      return recordCardPayment(
        {
          attemptId,
          paymentIntentId: intents.get(attemptId)!,
          amountReceived: BigInt(attempt.amount),
          currency: "USD",
          paidAt: new Date(),
          cardLabel: "visa •••• 4242",
        },
        actor,
      );
    };
    const ids = [...intents.keys()];
    // A few at a time: the domain's pool has 10 connections and a transaction waits at most 10 s
    // for one (on a busy machine, 60 at once can wait longer).
    for (let i = 0; i < ids.length; i += 4) {
      const chunk = ids.slice(i, i + 4);
      await Promise.all([...chunk, ...chunk].map(pay));
    }
    for (let i = 0; i < ids.length; i += 8) await Promise.all(ids.slice(i, i + 8).map(pay));
    await withClient(url, (c) =>
      c.query(
        `INSERT INTO stripe_event (id, type, object_id, payload, processed_at)
         SELECT 'evt_' || pi, 'payment_intent.succeeded', pi,
                jsonb_build_object('data', jsonb_build_object('object', jsonb_build_object('id', pi,
                  'metadata', jsonb_build_object('settle_customer_id', customer_id)))), now()
           FROM unnest($1::text[], $2::text[]) AS x(pi, customer_id)`,
        [[...intents.values()], data.attempts.map((a) => a.customerId)],
      ),
    );
    const all = await check(intents);
    expect(all.problems).toEqual([]);
    expect(all.counts).toMatchObject({
      succeeded: 40,
      payments: 40,
      applications: 60,
      invoices_paid_in_full: 50,
      receipts: 40,
      inbox_events: 40,
    });
    expect(await findLedgerViolations(undefined, data.customerIds)).toEqual([]);

    // What it catches: a payment expected but not made, one of the wrong PaymentIntent, and an
    // application made twice.
    const [first, second] = ids as [string, string];
    const wrong = new Map(intents).set(first, "pi_someone_else");
    expect((await check(wrong)).problems).toContain("paid attempts without their one payment: 1, expected 0");
    const fewer = new Map(intents);
    fewer.delete(second);
    expect((await check(fewer)).problems).toEqual(
      expect.arrayContaining([
        "succeeded: 40, expected 39",
        "undelivered attempts touched: 1, expected 0",
        "inbox events: 40, expected 39",
      ]),
    );
    await withClient(url, (c) =>
      c.query(
        `INSERT INTO application (id, kind, customer_id, credit_item_id, debit_item_id, currency, amount, actor_type)
         SELECT gen_random_uuid(), 'APPLY', customer_id, credit_item_id, debit_item_id, currency, amount, 'system'
           FROM application WHERE customer_id = $1 LIMIT 1`,
        [data.attempts[0]?.customerId],
      ),
    );
    expect((await check(intents)).problems).toEqual(
      expect.arrayContaining([
        "applications: 61, expected 60",
        "allocations not applied once: 1, expected 0",
        "over applied invoices: 1, expected 0",
      ]),
    );

    // The next run starts from the same state: nothing of the previous one is left.
    const again = await withClient(url, (c) => resetWebhookData(c, 2));
    expect(again.attempts.map((a) => [a.id, a.amount])).toEqual(data.attempts.map((a) => [a.id, a.amount]));
    const clean = await check(new Map());
    expect(clean.problems).toEqual([]);
    expect(clean.counts).toMatchObject({ payments: 0, applications: 0, receipts: 0, inbox_events: 0 });
  });
});
