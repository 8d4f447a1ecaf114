/**
 * The webhook ingestion case's own corner of the bench book, written set-based in SQL: customers
 * `WH-000001`… (USD, the first legal entity in that currency) with open invoices, and one card
 * payment attempt per PaymentIntent with its allocations, as startCardPayment leaves them before
 * Stripe confirms. The page cases never read these customers.
 *
 * Every run recreates it from scratch (`resetWebhookData`): what the previous run wrote for these
 * customers (payments, applications, audit events, receipts, inbox rows) is deleted first, so
 * runs and repeats start from the same state. Applications and audit events are append-only in
 * the product; the reset lifts their triggers inside its own transaction only (as a migration
 * does), on the bench database only.
 *
 * The allocations cannot exceed what is open: of each customer's 20 attempts, attempt k pays
 * invoice k in full, and attempts 1–10 also pay half of one of five shared invoices (two attempts
 * per invoice, the halves adding up to its amount), so every invoice ends fully paid, some by two
 * payments that may arrive at the same moment.
 */
import type pg from "pg";

export const WEBHOOK_ACCOUNT_PREFIX = "WH-";
/** The portal user who "started" the attempts; the receipts are queued for this address. */
export const WEBHOOK_PAYER_EMAIL = "bench-webhooks@settle.example";
export const ATTEMPTS_PER_CUSTOMER = 20;
/** Invoices shared by two attempts each (attempts 1–10, in pairs). */
const SHARED_INVOICES = ATTEMPTS_PER_CUSTOMER / 4;
export const INVOICES_PER_CUSTOMER = ATTEMPTS_PER_CUSTOMER + SHARED_INVOICES;
/** Allocations per customer: one per attempt, plus a half of a shared invoice for attempts 1–10. */
export const ALLOCATIONS_PER_CUSTOMER = ATTEMPTS_PER_CUSTOMER + 2 * SHARED_INVOICES;

export interface WebhookAttempt {
  id: string;
  customerId: string;
  accountNumber: string;
  /** USD cents. */
  amount: number;
  /** The invoice numbers it pays, for the PaymentIntent's description. */
  invoiceNumbers: string[];
}

export interface WebhookData {
  customerIds: string[];
  attempts: WebhookAttempt[];
  invoices: number;
  allocations: number;
}

// A stable UUID in version 4 layout from a text key (as generate.ts makes its ids).
const UID = (expr: string) => `overlay(overlay(md5(${expr}) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid`;

/** Deletes what earlier runs left for the webhook customers, then writes them afresh. */
export async function resetWebhookData(c: pg.Client, customers: number): Promise<WebhookData> {
  if (!Number.isInteger(customers) || customers < 1 || customers > 999_999)
    throw new Error(`Webhook customers: 1 to 999,999, not ${customers}.`);
  await c.query("BEGIN");
  try {
    await deleteWebhookData(c);
    const data = await createWebhookData(c, customers);
    await c.query("COMMIT");
    await c.query("ANALYZE payment_attempt, payment_attempt_allocation, stripe_event");
    return data;
  } catch (error) {
    await c.query("ROLLBACK");
    throw error;
  }
}

async function deleteWebhookData(c: pg.Client) {
  await c.query(
    `CREATE TEMP TABLE wh_old ON COMMIT DROP AS
       SELECT id FROM customer WHERE account_number LIKE $1`,
    [`${WEBHOOK_ACCOUNT_PREFIX}%`],
  );
  await c.query(`ALTER TABLE application DISABLE TRIGGER application_append_only`);
  await c.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
  await c.query(
    `DELETE FROM stripe_event
      WHERE payload #>> '{data,object,metadata,settle_customer_id}' IN (SELECT id::text FROM wh_old)`,
  );
  await c.query(`DELETE FROM audit_event WHERE customer_id IN (SELECT id FROM wh_old)`);
  await c.query(`DELETE FROM application WHERE customer_id IN (SELECT id FROM wh_old)`);
  await c.query(
    `DELETE FROM payment_attempt_allocation
      WHERE attempt_id IN (SELECT id FROM payment_attempt WHERE customer_id IN (SELECT id FROM wh_old))`,
  );
  await c.query(`DELETE FROM payment_attempt WHERE customer_id IN (SELECT id FROM wh_old)`);
  await c.query(
    `DELETE FROM invoice_line WHERE item_id IN (SELECT id FROM open_item WHERE customer_id IN (SELECT id FROM wh_old))`,
  );
  await c.query(`DELETE FROM open_item WHERE customer_id IN (SELECT id FROM wh_old)`);
  await c.query(`DELETE FROM outbox_email WHERE to_address = $1`, [WEBHOOK_PAYER_EMAIL]);
  await c.query(`DELETE FROM customer WHERE id IN (SELECT id FROM wh_old)`);
  await c.query(`ALTER TABLE application ENABLE TRIGGER application_append_only`);
  await c.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
}

async function createWebhookData(c: pg.Client, customers: number): Promise<WebhookData> {
  const entity = await c.query<{ id: string }>(
    `SELECT id FROM legal_entity WHERE currency = 'USD' ORDER BY code LIMIT 1`,
  );
  const legalEntityId = entity.rows[0]?.id;
  if (!legalEntityId) throw new Error("The bench book has no USD legal entity.");
  await c.query(
    `INSERT INTO portal_user (id, email, name) VALUES (${UID("'bench-webhook:payer'")}, $1, 'Bench Webhook Payer')
     ON CONFLICT (email) DO NOTHING`,
    [WEBHOOK_PAYER_EMAIL],
  );
  await c.query(
    `INSERT INTO customer (id, account_number, name, legal_entity_id, payment_terms_code, payment_terms_days,
       credit_limit, credit_currency, billing_address, country)
     SELECT ${UID("'bench-webhook:customer:' || n")}, $1 || lpad(n::text, 6, '0'), 'Webhook Bench Customer ' || n,
            $2, 'NET30', 30, 0, 'USD', ARRAY['1 Bench Street', 'Springfield, IL 62701'], 'US'
       FROM generate_series(1, $3::int) AS n`,
    [WEBHOOK_ACCOUNT_PREFIX, legalEntityId, customers],
  );
  // Invoices of $100.00 to $5,000.00, deterministic per customer and invoice, each one line.
  await c.query(
    `CREATE TEMP TABLE wh_invoice ON COMMIT DROP AS
     SELECT n, k, ${UID("'bench-webhook:invoice:' || n || ':' || k")} AS id,
            ${UID("'bench-webhook:customer:' || n")} AS customer_id,
            'WH-INV-' || lpad(n::text, 6, '0') || '-' || lpad(k::text, 2, '0') AS number,
            (100 + (hashint8(n * 100 + k) & 4095) % 4901)::bigint * 100 AS amount
       FROM generate_series(1, $1::int) AS n CROSS JOIN generate_series(1, $2::int) AS k`,
    [customers, INVOICES_PER_CUSTOMER],
  );
  await c.query(
    `INSERT INTO open_item (id, customer_id, legal_entity_id, kind, number, currency, amount, open_amount,
       document_date, due_date, description, created_by_id)
     SELECT id, customer_id, $1, 'INVOICE', number, 'USD', amount, amount,
            current_date - 20, current_date + 10, 'Bench webhook invoice', 'bench-webhook'
       FROM wh_invoice ORDER BY n, k`,
    [legalEntityId],
  );
  await c.query(
    `INSERT INTO invoice_line (id, item_id, line_no, description, quantity_milli, unit_price, tax_rate_bp,
       net_amount, tax_amount)
     SELECT ${UID("'bench-webhook:line:' || n || ':' || k")}, id, 1, 'Services', 1000, amount, 0, amount, 0
       FROM wh_invoice`,
  );
  // Attempt k of customer n: invoice k in full; attempts 1–10 also half of shared invoice
  // 21 + (k - 1) / 2 (the odd attempt the smaller half, the even one the rest).
  await c.query(
    `CREATE TEMP TABLE wh_allocation ON COMMIT DROP AS
     SELECT i.n, i.k, i.id AS item_id, i.amount
       FROM wh_invoice i WHERE i.k <= $1::int
     UNION ALL
     SELECT i.n, a.k, i.id, CASE WHEN a.k % 2 = 1 THEN i.amount / 2 ELSE i.amount - i.amount / 2 END
       FROM generate_series(1, $1::int / 2) AS a(k)
       JOIN wh_invoice i ON i.k = $1::int + 1 + (a.k - 1) / 2`,
    [ATTEMPTS_PER_CUSTOMER],
  );
  await c.query(
    `INSERT INTO payment_attempt (id, customer_id, currency, amount, idempotency_key, created_by_id, locale)
     SELECT ${UID("'bench-webhook:attempt:' || n || ':' || k")}, ${UID("'bench-webhook:customer:' || n")}, 'USD',
            sum(amount), 'bench-webhook:' || n || ':' || k, (SELECT id FROM portal_user WHERE email = $1), 'en'
       FROM wh_allocation GROUP BY n, k ORDER BY n, k`,
    [WEBHOOK_PAYER_EMAIL],
  );
  await c.query(
    `INSERT INTO payment_attempt_allocation (id, attempt_id, item_id, amount)
     SELECT ${UID("'bench-webhook:allocation:' || n || ':' || k || ':' || item_id")},
            ${UID("'bench-webhook:attempt:' || n || ':' || k")}, item_id, amount
       FROM wh_allocation ORDER BY n, k, item_id`,
  );
  const { rows } = await c.query<{
    id: string;
    customer_id: string;
    account_number: string;
    amount: string;
    numbers: string[];
  }>(
    `SELECT p.id, p.customer_id, cu.account_number, p.amount::text,
            array_agg(i.number ORDER BY i.number) AS numbers
       FROM payment_attempt p
       JOIN customer cu ON cu.id = p.customer_id
       JOIN payment_attempt_allocation a ON a.attempt_id = p.id
       JOIN open_item i ON i.id = a.item_id
      WHERE cu.account_number LIKE $1
      GROUP BY p.id, cu.account_number ORDER BY p.idempotency_key`,
    [`${WEBHOOK_ACCOUNT_PREFIX}%`],
  );
  const counts = await c.query<{ invoices: string; allocations: string }>(
    `SELECT (SELECT count(*) FROM wh_invoice) AS invoices, (SELECT count(*) FROM wh_allocation) AS allocations`,
  );
  return {
    customerIds: [...new Set(rows.map((r) => r.customer_id))],
    attempts: rows.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      accountNumber: r.account_number,
      amount: Number(r.amount),
      invoiceNumbers: r.numbers,
    })),
    invoices: Number(counts.rows[0]?.invoices ?? 0),
    allocations: Number(counts.rows[0]?.allocations ?? 0),
  };
}

export interface IngestionExpectation {
  /**
   * Attempt id → PaymentIntent, for the attempts whose event was delivered (all of them, unless
   * the run was stopped at its time limit). The other attempts must be untouched.
   */
  paymentIntents: ReadonlyMap<string, string>;
  /** The distinct event ids delivered. */
  eventIds: readonly string[];
  /** All attempts and invoices of the webhook customers. */
  attempts: number;
  invoices: number;
}

export interface IngestionCheck {
  /** Everything that is not as it must be; empty when the ingestion was exactly once. */
  problems: string[];
  /** What was counted, for the notes. */
  counts: Record<string, number>;
}

/**
 * After the deliveries: every attempt whose event was delivered has exactly one PAYMENT item (the
 * one of its own PaymentIntent) whose active applications are its allocations, each once; the
 * other attempts have nothing; every invoice's open amount is its amount less the allocations of
 * the paid attempts (so none is applied beyond its amount), every payment is fully applied; one
 * receipt and one `payment.record` audit event per payment; the inbox holds each delivered event
 * once, processed.
 */
export async function checkWebhookIngestion(
  c: pg.Client,
  expected: IngestionExpectation,
): Promise<IngestionCheck> {
  const paid = expected.paymentIntents.size;
  const { rows } = await c.query<Record<string, string>>(
    `WITH wc AS (SELECT id FROM customer WHERE account_number LIKE $1),
     att AS MATERIALIZED (SELECT * FROM payment_attempt WHERE customer_id IN (SELECT id FROM wc)),
     items AS MATERIALIZED (SELECT * FROM open_item WHERE customer_id IN (SELECT id FROM wc)),
     pay AS (SELECT * FROM items WHERE kind = 'PAYMENT'),
     inv AS (SELECT * FROM items WHERE kind = 'INVOICE'),
     apps AS MATERIALIZED (SELECT * FROM application WHERE customer_id IN (SELECT id FROM wc)),
     active AS MATERIALIZED (
       SELECT a.* FROM apps a
        WHERE a.kind = 'APPLY' AND NOT EXISTS (SELECT 1 FROM application r WHERE r.reverses_id = a.id)
     ),
     applied AS (
       SELECT credit_item_id, debit_item_id, sum(amount) AS amount, count(*) AS n FROM active GROUP BY 1, 2
     ),
     per_intent AS (
       SELECT stripe_payment_intent_id AS pi, count(*) AS n, min(id::text) AS item_id FROM pay
        WHERE stripe_payment_intent_id IS NOT NULL GROUP BY 1
     ),
     wanted AS (SELECT * FROM unnest($2::uuid[], $3::text[]) AS w(attempt_id, pi)),
     wanted_allocations AS (
       SELECT al.* FROM payment_attempt_allocation al JOIN wanted w ON w.attempt_id = al.attempt_id
     )
     SELECT
       (SELECT count(*) FROM att) AS attempts,
       (SELECT count(*) FROM att WHERE status = 'SUCCEEDED') AS succeeded,
       (SELECT count(*) FROM pay) AS payments,
       (SELECT count(*) FROM inv) AS invoices,
       (SELECT count(*) FROM att a JOIN wanted w ON w.attempt_id = a.id
          LEFT JOIN per_intent p ON p.pi = a.payment_intent_id
         WHERE w.pi IS DISTINCT FROM a.payment_intent_id OR p.n IS DISTINCT FROM 1
            OR a.payment_item_id::text IS DISTINCT FROM p.item_id) AS paid_attempts_without_their_one_payment,
       (SELECT count(*) FROM att a WHERE a.id NOT IN (SELECT attempt_id FROM wanted)
           AND (a.status <> 'OPEN' OR a.payment_item_id IS NOT NULL OR a.payment_intent_id IS NOT NULL))
         AS undelivered_attempts_touched,
       (SELECT count(*) FROM pay p WHERE NOT EXISTS (SELECT 1 FROM att a WHERE a.payment_item_id = p.id))
         AS payments_without_attempt,
       (SELECT count(*) FROM apps) AS applications,
       (SELECT count(*) FROM wanted_allocations) AS allocations_paid,
       (SELECT count(*) FROM apps WHERE kind = 'REVERSAL') AS reversals,
       (SELECT count(*) FROM wanted_allocations al JOIN att a ON a.id = al.attempt_id
          LEFT JOIN applied x ON x.credit_item_id = a.payment_item_id AND x.debit_item_id = al.item_id
         WHERE x.amount IS DISTINCT FROM al.amount OR x.n IS DISTINCT FROM 1) AS allocations_not_applied_once,
       (SELECT count(*) FROM active ap
          LEFT JOIN att a ON a.payment_item_id = ap.credit_item_id
          LEFT JOIN payment_attempt_allocation al ON al.attempt_id = a.id AND al.item_id = ap.debit_item_id
         WHERE al.id IS NULL) AS applications_not_allocated,
       (SELECT count(*) FROM (SELECT debit_item_id, sum(amount) AS used FROM active GROUP BY 1) u
          JOIN inv i ON i.id = u.debit_item_id WHERE u.used > i.amount) AS over_applied_invoices,
       (SELECT count(*) FROM (SELECT credit_item_id, sum(amount) AS used FROM active GROUP BY 1) u
          JOIN pay p ON p.id = u.credit_item_id WHERE u.used > p.amount) AS over_applied_payments,
       (SELECT count(*) FROM inv i
          LEFT JOIN (SELECT item_id, sum(amount) AS paid FROM wanted_allocations GROUP BY 1) w ON w.item_id = i.id
         WHERE i.open_amount <> i.amount - coalesce(w.paid, 0)) AS invoices_wrong_open_amount,
       (SELECT count(*) FROM inv WHERE open_amount = 0) AS invoices_paid_in_full,
       (SELECT count(*) FROM pay WHERE open_amount <> 0 OR needs_cash_application) AS payments_not_fully_applied,
       (SELECT count(*) FROM outbox_email WHERE to_address = $4) AS receipts,
       (SELECT count(*) FROM audit_event WHERE customer_id IN (SELECT id FROM wc) AND action = 'payment.record')
         AS payment_audit_events,
       (SELECT count(*) FROM stripe_event WHERE payload #>> '{data,object,metadata,settle_customer_id}'
           IN (SELECT id::text FROM wc)) AS inbox_events,
       (SELECT count(*) FROM stripe_event WHERE id = ANY($5::text[]) AND processed_at IS NOT NULL)
         AS inbox_processed`,
    [
      `${WEBHOOK_ACCOUNT_PREFIX}%`,
      [...expected.paymentIntents.keys()],
      [...expected.paymentIntents.values()],
      WEBHOOK_PAYER_EMAIL,
      expected.eventIds,
    ],
  );
  const counts = Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
  const must: Record<string, number> = {
    attempts: expected.attempts,
    succeeded: paid,
    payments: paid,
    invoices: expected.invoices,
    paid_attempts_without_their_one_payment: 0,
    undelivered_attempts_touched: 0,
    payments_without_attempt: 0,
    applications: counts.allocations_paid ?? -1,
    reversals: 0,
    allocations_not_applied_once: 0,
    applications_not_allocated: 0,
    over_applied_invoices: 0,
    over_applied_payments: 0,
    invoices_wrong_open_amount: 0,
    payments_not_fully_applied: 0,
    receipts: paid,
    payment_audit_events: paid,
    inbox_events: expected.eventIds.length,
    inbox_processed: expected.eventIds.length,
  };
  const problems = Object.entries(must)
    .filter(([key, value]) => counts[key] !== value)
    .map(([key, value]) => `${key.replaceAll("_", " ")}: ${counts[key]}, expected ${value}`);
  return { problems, counts };
}
