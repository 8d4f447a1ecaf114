/**
 * The plan job case's own rows in the bench book, written set-based in SQL: up to 10,000 ACTIVE
 * payment plans (numbers from PLAN_NUMBER_BASE + 1, idempotency keys `bench-plan-…`) over the
 * data set's customers' invoices, shaped by plan-job-shape.ts, with a payer (portal user
 * `bench-plan-<account>@settle.example`, PAYER member of the account: plans e-mail their payers)
 * per account and a saved card for the autopay plans' accounts.
 *
 * Every run recreates them (`resetPlanJobData`): what the previous run's job did is deleted first,
 * and what its autopay charges applied to the data set's invoices goes back onto their open
 * amounts (the card payments, their applications, attempts, charges, audit events and e-mails are
 * deleted), so runs and repeats start from the same state and the ledger stays as generated.
 * Applications and audit events are append-only in the product; the reset lifts their triggers
 * inside its own transaction only (as a migration does), on the bench database only.
 *
 * The big customer and its child accounts (what the page cases read) get no plans. Open plans
 * cover one or two open invoices of 50.00 or more at their open amount, each account's invoices
 * by due date; accounts take turns, so every account has a plan before any has a second. Plans
 * that complete cover one invoice the data set has paid in full (its latest), at its amount: the
 * job finds it settled and pays the schedule, without a payment of the bench's own.
 */
import type { Stripe } from "@settle/domain/payments/stripe-client";
import type pg from "pg";
import type { RunState } from "./plan-job-checks.ts";
import {
  PLAN_SLICES,
  type PlanPolicyDays,
  type PlanSlice,
  type SliceCounts,
  sliceCounts,
  sliceTemplates,
} from "./plan-job-shape.ts";

export const PLAN_KEY_PREFIX = "bench-plan-";
export const PLAN_NUMBER_BASE = 900_000;
const PAYER_EMAILS = `${PLAN_KEY_PREFIX}%@settle.example`;
/** Smallest open amount a plan covers (minor units): instalments stay chargeable. */
const MIN_INVOICE = 5_000;
/** The actor of the plan job's writes (run-payment-plans.ts: systemActor("payment-plans")). */
export const JOB_ACTOR = "payment-plans";

/** A card saved on the sandbox for an account, as the saved_card row needs it. */
export interface SandboxCard {
  stripeCustomerId: string;
  paymentMethodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/**
 * A Stripe customer with a Visa test card attached (off-session charges need both), for each
 * account that has none in `saved` yet (kept there: once per sandbox). Returns the accounts' cards.
 */
export async function saveSandboxCards(
  stripe: Stripe,
  saved: Map<string, SandboxCard>,
  customers: readonly { id: string; name: string }[],
): Promise<Map<string, SandboxCard>> {
  const save = async (c: { id: string; name: string }) => {
    const customer = await stripe.customers.create({ name: c.name, metadata: { settle_customer_id: c.id } });
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    if (!pm.card) throw new Error(`The sandbox's ${pm.id} is not a card.`);
    saved.set(c.id, {
      stripeCustomerId: customer.id,
      paymentMethodId: pm.id,
      brand: pm.card.brand,
      last4: pm.card.last4,
      expMonth: pm.card.exp_month,
      expYear: pm.card.exp_year,
    });
  };
  const missing = customers.filter((c) => !saved.has(c.id));
  for (let i = 0; i < missing.length; i += 20) await Promise.all(missing.slice(i, i + 20).map(save));
  return new Map(customers.map((c) => [c.id, saved.get(c.id)!]));
}

export interface PlanJobData {
  counts: SliceCounts;
  plans: number;
  customerIds: string[];
  /** The accounts of the plans with an instalment to charge today (where the job moves money). */
  chargedCustomerIds: string[];
  /** Open plans' invoices, and the paid ones of the completed plans. */
  openInvoices: number;
  paidInvoices: number;
  instalments: number;
  /** What the data set had room for: plans over open invoices, accounts with a paid invoice. */
  openAvailable: number;
  paidAvailable: number;
  cards: number;
}

export interface PlanJobSetup {
  /** The run's day (YYYY-MM-DD). */
  today: string;
  target: number;
  bigCustomerId: string;
  staffUserId: string;
  policies: ReadonlyMap<string, PlanPolicyDays>;
  /** Cards for these accounts (id → name), made on the sandbox by the caller. */
  cardsFor(customers: { id: string; name: string }[]): Promise<Map<string, SandboxCard>>;
}

/** Deletes what earlier runs left, then writes the plans afresh (one transaction). */
export async function resetPlanJobData(c: pg.Client, setup: PlanJobSetup): Promise<PlanJobData> {
  await c.query("BEGIN");
  try {
    await deletePlanJobData(c);
    const data = await createPlanJobData(c, setup);
    await c.query("COMMIT");
    await c.query(
      "ANALYZE payment_plan, payment_plan_invoice, payment_plan_instalment, portal_user, portal_membership, saved_card",
    );
    return data;
  } catch (error) {
    await c.query("ROLLBACK");
    throw error;
  }
}

async function deletePlanJobData(c: pg.Client) {
  await c.query(
    `CREATE TEMP TABLE bpj_old ON COMMIT DROP AS
       SELECT id, customer_id FROM payment_plan WHERE idempotency_key LIKE $1`,
    [`${PLAN_KEY_PREFIX}%`],
  );
  await c.query(
    `CREATE TEMP TABLE bpj_old_attempt ON COMMIT DROP AS
       SELECT a.id, a.payment_item_id FROM payment_attempt a
        WHERE a.id IN (SELECT payment_attempt_id FROM plan_charge WHERE plan_id IN (SELECT id FROM bpj_old))`,
  );
  // What the charges' card payments applied goes back onto the invoices.
  await c.query(
    `UPDATE open_item d SET open_amount = d.open_amount + x.amount
       FROM (SELECT debit_item_id, sum(CASE kind WHEN 'APPLY' THEN amount ELSE -amount END) AS amount
               FROM application WHERE credit_item_id IN (SELECT payment_item_id FROM bpj_old_attempt)
              GROUP BY debit_item_id) x
      WHERE d.id = x.debit_item_id`,
  );
  await c.query(`ALTER TABLE application DISABLE TRIGGER application_append_only`);
  await c.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
  await c.query(
    `DELETE FROM audit_event
      WHERE actor_type = 'system' AND actor_id = $1 AND customer_id IN (SELECT customer_id FROM bpj_old)`,
    [JOB_ACTOR],
  );
  await c.query(
    `DELETE FROM application WHERE credit_item_id IN (SELECT payment_item_id FROM bpj_old_attempt)`,
  );
  await c.query(`DELETE FROM collector_task WHERE plan_id IN (SELECT id FROM bpj_old)`);
  await c.query(`DELETE FROM plan_charge WHERE plan_id IN (SELECT id FROM bpj_old)`);
  await c.query(
    `DELETE FROM payment_attempt_allocation WHERE attempt_id IN (SELECT id FROM bpj_old_attempt)`,
  );
  await c.query(`DELETE FROM payment_attempt WHERE id IN (SELECT id FROM bpj_old_attempt)`);
  await c.query(`DELETE FROM open_item WHERE id IN (SELECT payment_item_id FROM bpj_old_attempt)`);
  await c.query(`DELETE FROM payment_plan WHERE id IN (SELECT id FROM bpj_old)`);
  await c.query(
    `DELETE FROM saved_card WHERE saved_by_id IN (SELECT id FROM portal_user WHERE email LIKE $1)`,
    [PAYER_EMAILS],
  );
  await c.query(`DELETE FROM portal_user WHERE email LIKE $1`, [PAYER_EMAILS]);
  await c.query(`DELETE FROM outbox_email WHERE to_address LIKE $1`, [PAYER_EMAILS]);
  await c.query(`ALTER TABLE application ENABLE TRIGGER application_append_only`);
  await c.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
}

/** The slice templates of every legal entity, as rows for jsonb_to_recordset. */
function templateRows(policies: ReadonlyMap<string, PlanPolicyDays>) {
  return [...policies].flatMap(([legalEntityId, policy]) =>
    sliceTemplates(policy).map((t) => ({
      legal_entity_id: legalEntityId,
      slice: t.slice,
      pay_by: t.payBy,
      misses: t.misses,
      anchor_sequence: t.anchorSequence,
      anchor_offsets: t.anchorOffsets,
      min_instalments: t.minInstalments,
      anchor_missed: t.anchor?.missed ?? null,
      anchor_reminded: t.anchor?.reminded ?? null,
      anchor_broken: t.anchor?.broken ?? null,
      earlier_missed: t.earlier?.missed ?? null,
      earlier_reminded: t.earlier?.reminded ?? null,
      earlier_broken: t.earlier?.broken ?? null,
    })),
  );
}

/** Cumulative bounds of the open slices over the shuffled open plans: [slice, last plan]. */
function sliceRanges(counts: SliceCounts) {
  let upto = 0;
  return PLAN_SLICES.filter((s) => s !== "complete").map((slice: PlanSlice) => {
    upto += counts[slice];
    return { slice, upto };
  });
}

async function createPlanJobData(c: pg.Client, setup: PlanJobSetup): Promise<PlanJobData> {
  // Open invoices (one or two per plan: half the accounts pair theirs) and paid ones.
  await c.query(
    `CREATE TEMP TABLE bpj_open ON COMMIT DROP AS
     SELECT id, customer_id, open_amount AS amount,
            CASE WHEN hashtext('bench-plan-pairs:' || customer_id) & 1 = 0 THEN (r - 1) / 2 ELSE r - 1 END AS g
       FROM (SELECT o.id, o.customer_id, o.open_amount,
                    row_number() OVER (PARTITION BY o.customer_id ORDER BY o.due_date, o.document_date, o.id) AS r
               FROM open_item o JOIN customer cu ON cu.id = o.customer_id
              WHERE o.kind = 'INVOICE' AND o.open_amount >= $2 AND o.currency = cu.credit_currency
                AND cu.id <> $1 AND cu.parent_id IS DISTINCT FROM $1) x`,
    [setup.bigCustomerId, MIN_INVOICE],
  );
  await c.query(
    `CREATE TEMP TABLE bpj_candidate ON COMMIT DROP AS
     SELECT customer_id, g, row_number() OVER (PARTITION BY customer_id ORDER BY g) AS turn
       FROM (SELECT DISTINCT customer_id, g FROM bpj_open) x`,
  );
  await c.query(
    `CREATE TEMP TABLE bpj_paid ON COMMIT DROP AS
     SELECT DISTINCT ON (o.customer_id) o.id, o.customer_id, o.amount
       FROM open_item o JOIN customer cu ON cu.id = o.customer_id
      WHERE o.kind = 'INVOICE' AND o.open_amount = 0 AND o.amount >= $2 AND o.currency = cu.credit_currency
        AND cu.id <> $1 AND cu.parent_id IS DISTINCT FROM $1
      ORDER BY o.customer_id, o.document_date DESC, o.id`,
    [setup.bigCustomerId, MIN_INVOICE],
  );
  const available = await c.query<{ open: string; paid: string }>(
    `SELECT (SELECT count(*) FROM bpj_candidate) AS open, (SELECT count(*) FROM bpj_paid) AS paid`,
  );
  const openAvailable = Number(available.rows[0]?.open ?? 0);
  const paidAvailable = Number(available.rows[0]?.paid ?? 0);
  const counts = sliceCounts(setup.target, openAvailable, paidAvailable);
  const openPlans = PLAN_SLICES.reduce((sum, s) => (s === "complete" ? sum : sum + counts[s]), 0);

  // The plans: accounts take turns; the slices spread over them by a hash.
  await c.query(
    `CREATE TEMP TABLE bpj_pick ON COMMIT DROP AS
     WITH picked AS (
       SELECT customer_id, g FROM bpj_candidate
        ORDER BY turn, md5('bench-plan:' || customer_id), customer_id LIMIT $1
     ), shuffled AS (
       SELECT customer_id, g, row_number() OVER (ORDER BY md5('bench-plan:' || customer_id || ':' || g)) AS i
         FROM picked
     ), paid AS (
       SELECT customer_id, id AS item_id, amount FROM bpj_paid ORDER BY md5('bench-plan-paid:' || customer_id) LIMIT $2
     )
     SELECT s.i::int AS k, s.customer_id, s.g, NULL::uuid AS paid_item,
            (SELECT r.slice FROM jsonb_to_recordset($3::jsonb) AS r(slice text, upto int)
              WHERE s.i <= r.upto ORDER BY r.upto LIMIT 1) AS slice
       FROM shuffled s
     UNION ALL
     SELECT ($1::int + row_number() OVER (ORDER BY customer_id))::int, customer_id, NULL, item_id, 'complete' FROM paid`,
    [openPlans, counts.complete, JSON.stringify(sliceRanges(counts))],
  );
  await c.query(
    `CREATE TEMP TABLE bpj_cover ON COMMIT DROP AS
     SELECT p.k, o.id AS item_id, o.amount FROM bpj_pick p JOIN bpj_open o ON o.customer_id = p.customer_id AND o.g = p.g
     UNION ALL
     SELECT p.k, p.paid_item, d.amount FROM bpj_pick p JOIN bpj_paid d ON d.id = p.paid_item`,
  );
  // Each plan with its template (by slice and legal entity) and its own pick of the offsets.
  await c.query(
    `CREATE TEMP TABLE bpj_plan ON COMMIT DROP AS
     WITH t AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(
         legal_entity_id uuid, slice text, pay_by text, misses int, anchor_sequence int, anchor_offsets int[],
         min_instalments int, anchor_missed int, anchor_reminded int, anchor_broken int, earlier_missed int,
         earlier_reminded int, earlier_broken int)
     ), shaped AS (
       SELECT p.k, p.customer_id, p.slice, cu.legal_entity_id, cu.credit_currency AS currency,
              (SELECT sum(amount) FROM bpj_cover v WHERE v.k = p.k)::bigint AS covered,
              greatest(t.min_instalments, 3 + (hashint4(p.k) & 3)) AS n,
              $2::date + t.anchor_offsets[1 + (hashint4(p.k * 7 + 1) & 65535) % cardinality(t.anchor_offsets)] AS anchor_due,
              t.pay_by, t.misses, t.anchor_sequence, t.anchor_missed, t.anchor_reminded, t.anchor_broken,
              t.earlier_missed, t.earlier_reminded, t.earlier_broken
         FROM bpj_pick p
         JOIN customer cu ON cu.id = p.customer_id
         JOIN t ON t.slice = p.slice AND t.legal_entity_id = cu.legal_entity_id
     )
     SELECT s.*, gen_random_uuid() AS id,
            (s.anchor_due - make_interval(months => s.anchor_sequence - 1))::date AS first_date,
            least(s.anchor_due - make_interval(months => s.anchor_sequence - 1), $2::date)::date - 20 AS proposed_on
       FROM shaped s`,
    [JSON.stringify(templateRows(setup.policies)), setup.today],
  );
  const shaped = await c.query<{ n: string; missing: string }>(
    `SELECT (SELECT count(*) FROM bpj_pick) AS n,
            (SELECT count(*) FROM bpj_pick p WHERE NOT EXISTS (SELECT 1 FROM bpj_plan x WHERE x.k = p.k)) AS missing`,
  );
  if (Number(shaped.rows[0]?.missing) > 0)
    throw new Error(`${shaped.rows[0]?.missing} plans have no template (a legal entity without a policy?).`);

  // A payer per account, in the entity's language.
  await c.query(
    `CREATE TEMP TABLE bpj_payer ON COMMIT DROP AS
     SELECT x.customer_id, gen_random_uuid() AS id, $1::text || lower(cu.account_number) || '@settle.example' AS email,
            coalesce((SELECT ct.name FROM contact ct WHERE ct.customer_id = cu.id ORDER BY ct.is_primary DESC, ct.id LIMIT 1),
                     'Bench Plan Payer') AS name,
            CASE le.country WHEN 'BR' THEN 'pt-BR' WHEN 'DE' THEN 'de' ELSE 'en' END AS locale, cu.name AS customer_name
       FROM (SELECT DISTINCT customer_id FROM bpj_pick) x
       JOIN customer cu ON cu.id = x.customer_id JOIN legal_entity le ON le.id = cu.legal_entity_id`,
    [PLAN_KEY_PREFIX],
  );
  await c.query(
    `INSERT INTO portal_user (id, email, name, locale) SELECT id, email, name, locale FROM bpj_payer`,
  );
  await c.query(
    `INSERT INTO portal_membership (id, portal_user_id, customer_id, role)
     SELECT gen_random_uuid(), id, customer_id, 'PAYER' FROM bpj_payer`,
  );

  // Saved cards (made on the sandbox by the caller) for the autopay plans' accounts.
  const autopay = await c.query<{ id: string; name: string }>(
    `SELECT DISTINCT p.customer_id AS id, y.customer_name AS name
       FROM bpj_plan p JOIN bpj_payer y ON y.customer_id = p.customer_id
      WHERE p.pay_by = 'AUTOPAY' ORDER BY 1`,
  );
  const cards = await setup.cardsFor(autopay.rows);
  const owners = [...cards.keys()];
  const card = (f: (x: SandboxCard) => string | number) => owners.map((id) => f(cards.get(id)!));
  await c.query(
    `INSERT INTO saved_card (id, customer_id, stripe_customer_id, payment_method_id, brand, last4, exp_month,
       exp_year, saved_by_id, created_at)
     SELECT gen_random_uuid(), v.customer_id, v.stripe_customer, v.pm, v.brand, v.last4, v.exp_month, v.exp_year,
            y.id, $8::date - 30
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[])
            AS v(customer_id, stripe_customer, pm, brand, last4, exp_month, exp_year)
       JOIN bpj_payer y ON y.customer_id = v.customer_id`,
    [
      owners,
      card((x) => x.stripeCustomerId),
      card((x) => x.paymentMethodId),
      card((x) => x.brand),
      card((x) => x.last4),
      card((x) => x.expMonth),
      card((x) => x.expYear),
      setup.today,
    ],
  );

  // Offered 20 days before the first due date (or today), accepted two days later, ACTIVE.
  await c.query(
    `INSERT INTO payment_plan (id, number, customer_id, legal_entity_id, currency, status, covered, down_payment, fee,
       instalment_count, frequency, first_date, expires_on, terms_hash, proposed_by_staff_id, idempotency_key,
       responded_at, accepted_by_portal_user_id, accepted_name, accepted_client, accepted_user_agent,
       accepted_terms_hash, pay_by, saved_card_id, misses, activated_at, created_at, updated_at)
     SELECT p.id, $1::int + p.k, p.customer_id, p.legal_entity_id, p.currency, 'ACTIVE', p.covered, 0, 0,
            p.n, 'MONTHLY', p.first_date, p.proposed_on + 14, h.hash, $2::uuid, $3::text || p.k,
            p.proposed_on + interval '2 days 10 hours', y.id, y.name, '127.0.0.1', 'Settle bench', h.hash,
            p.pay_by::plan_pay_by, CASE WHEN p.pay_by = 'AUTOPAY' THEN sc.id END, p.misses,
            least(p.first_date, $4::date) + interval '9 hours', p.proposed_on + interval '9 hours', now()
       FROM bpj_plan p
       JOIN bpj_payer y ON y.customer_id = p.customer_id
       LEFT JOIN saved_card sc ON sc.customer_id = p.customer_id AND sc.saved_by_id = y.id
       CROSS JOIN LATERAL (SELECT encode(sha256(convert_to($3::text || p.k, 'UTF8')), 'hex') AS hash) h
      ORDER BY p.k`,
    [PLAN_NUMBER_BASE, setup.staffUserId, PLAN_KEY_PREFIX, setup.today],
  );
  await c.query(
    `INSERT INTO payment_plan_invoice (plan_id, item_id, amount, open_item_key)
     SELECT p.id, v.item_id, v.amount, v.item_id FROM bpj_cover v JOIN bpj_plan p ON p.k = v.k`,
  );
  // Equal instalments (the remainder on the last), a month apart around the anchor; the steps
  // the job took already, in days after each one's due date.
  await c.query(
    `INSERT INTO payment_plan_instalment (id, plan_id, sequence, due_date, amount, paid_amount, status,
       missed_on, reminded_on, broken_on)
     SELECT gen_random_uuid(), p.id, s, d.due, CASE WHEN s = p.n THEN p.covered - (p.covered / p.n) * (p.n - 1)
                                                    ELSE p.covered / p.n END,
            0, CASE WHEN st.missed IS NULL THEN 'DUE' ELSE 'MISSED' END::plan_instalment_status,
            d.due + st.missed, d.due + st.reminded, d.due + st.broken
       FROM bpj_plan p
       CROSS JOIN LATERAL generate_series(1, p.n) AS s
       CROSS JOIN LATERAL (SELECT (p.anchor_due + make_interval(months => s - p.anchor_sequence))::date AS due) d
       CROSS JOIN LATERAL (
         SELECT CASE WHEN s < p.anchor_sequence THEN p.earlier_missed WHEN s = p.anchor_sequence THEN p.anchor_missed END AS missed,
                CASE WHEN s < p.anchor_sequence THEN p.earlier_reminded WHEN s = p.anchor_sequence THEN p.anchor_reminded END AS reminded,
                CASE WHEN s < p.anchor_sequence THEN p.earlier_broken WHEN s = p.anchor_sequence THEN p.anchor_broken END AS broken
       ) st`,
  );
  const totals = await c.query<{ customers: string; open: string; paid: string; instalments: string }>(
    `SELECT (SELECT count(DISTINCT customer_id) FROM bpj_pick) AS customers,
            (SELECT count(*) FROM bpj_cover v JOIN bpj_pick p USING (k) WHERE p.paid_item IS NULL) AS open,
            (SELECT count(*) FROM bpj_pick WHERE paid_item IS NOT NULL) AS paid,
            (SELECT count(*) FROM payment_plan_instalment i JOIN bpj_plan p ON p.id = i.plan_id) AS instalments`,
  );
  const customers = await c.query<{ id: string }>(
    `SELECT DISTINCT customer_id AS id FROM bpj_pick ORDER BY 1`,
  );
  const charged = await c.query<{ id: string }>(
    `SELECT DISTINCT customer_id AS id FROM bpj_pick WHERE slice = 'autopay-due' ORDER BY 1`,
  );
  const t = totals.rows[0];
  return {
    counts,
    plans: Number(shaped.rows[0]?.n ?? 0),
    customerIds: customers.rows.map((r) => r.id),
    chargedCustomerIds: charged.rows.map((r) => r.id),
    openInvoices: Number(t?.open ?? 0),
    paidInvoices: Number(t?.paid ?? 0),
    instalments: Number(t?.instalments ?? 0),
    openAvailable,
    paidAvailable,
    cards: owners.length,
  };
}

/** What a second run must leave as it is: counts of what the job writes, digests of the plans. */
export async function planJobState(c: pg.Client): Promise<RunState> {
  const { rows } = await c.query<Record<keyof RunState, string>>(
    `WITH ours AS MATERIALIZED (SELECT * FROM payment_plan WHERE idempotency_key LIKE $1)
     SELECT (SELECT count(*) FROM outbox_email) AS outbox,
            (SELECT count(*) FROM plan_charge) AS charges,
            (SELECT count(*) FROM payment_attempt) AS attempts,
            (SELECT count(*) FROM collector_task) AS tasks,
            (SELECT count(*) FROM audit_event WHERE actor_type = 'system' AND actor_id = $2) AS audit,
            (SELECT md5(string_agg(concat_ws('|', i.id, i.status, i.paid_amount, i.missed_on, i.reminded_on,
                                             i.broken_on, i.paid_on), ',' ORDER BY i.id))
               FROM payment_plan_instalment i WHERE i.plan_id IN (SELECT id FROM ours)) AS instalments,
            (SELECT md5(string_agg(concat_ws('|', id, status, misses, ended_at, updated_at), ',' ORDER BY id))
               FROM ours) AS plans`,
    [`${PLAN_KEY_PREFIX}%`, JOB_ACTOR],
  );
  const r = rows[0]!;
  return {
    outbox: Number(r.outbox),
    charges: Number(r.charges),
    attempts: Number(r.attempts),
    tasks: Number(r.tasks),
    audit: Number(r.audit),
    instalments: r.instalments,
    plans: r.plans,
  };
}
