/**
 * Scale data for the benchmarks, generated with set-based SQL (generate_series, INSERT ... SELECT)
 * on one connection: no ORM round trips, so 100k items take seconds, not minutes.
 *
 * The data is deterministic (hash-based pseudo random numbers and ids, fixed per row), and keeps
 * the ledger's invariants: every item's open amount is its amount minus its active applications,
 * no credit is applied beyond its amount, applications stay within one customer and currency.
 * A marker row (`bench.dataset`) records what was generated, so a second run at the same scale
 * reuses it.
 *
 * Run alone: `npm run generate -w @settle/bench -- --scale small` (or `--items N`).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  dropDatabase,
  ensureDatabase,
  type ResolvedDatabase,
  resolveDatabase,
  withClient,
} from "@settle/db-tools/databases";
import { deployMigrations, readMigrations } from "@settle/db-tools/migrations";
import { hashPassword } from "@settle/domain/auth/password";
import {
  CATALOG,
  COMPANY_SUFFIXES,
  CREDIT_REASONS,
  DEMO_LEGAL_ENTITIES,
  INDUSTRIES,
  JOB_TITLES,
  PLACES_BY_COUNTRY,
} from "@settle/domain/seed/demo-data";
import type pg from "pg";
import {
  ACCOUNT_ACTIONS,
  COMPANY_WORDS,
  COUNTRY_NAMES,
  FEE_TEXT,
  FIRST_NAMES,
  LAST_NAMES,
  STREETS,
} from "./reference.ts";
import { describeScale, resolveScale, type Scale } from "./scale.ts";

/** The generator's own sources: any change to them regenerates the data. */
const GENERATOR_SOURCES = ["generate.ts", "reference.ts"].map((f) => path.join(import.meta.dirname, f));

export const BENCH_STAFF_EMAIL = "bench-staff@settle.example";
export const BENCH_PORTAL_EMAIL = "bench-portal@settle.example";

export interface BenchDataset {
  scale: Scale;
  /** The customer the page cases read: many items, a slow payer, two child accounts. */
  bigCustomerId: string;
  bigCustomerName: string;
  bigCustomerAccountNumber: string;
  staffUserId: string;
  portalUserId: string;
  counts: Record<string, number>;
  generatedAt: string;
  /** Wall time of the generation, seconds. */
  seconds: number;
}

// Shares of all items (the rest are payments, whose count follows from the paid debits).
const DEBIT_SHARE = 0.84;
const CREDIT_MEMO_SHARE = 0.02;
const ON_ACCOUNT_PAYMENT_SHARE = 0.004;

/** What the data depends on: the sizes, the migrations and the generator's code. */
function fingerprint(scale: Scale): string {
  const migrations = readMigrations().map((m) => `${m.name}:${m.checksum}`);
  const sources = GENERATOR_SOURCES.map((f) => createHash("sha256").update(readFileSync(f)).digest("hex"));
  const { customers, items, bigCustomerItems, bigCustomerOpenItems } = scale;
  return createHash("sha256")
    .update(JSON.stringify({ customers, items, bigCustomerItems, bigCustomerOpenItems, migrations, sources }))
    .digest("hex");
}

const ledgerToday = () => new Date().toISOString().slice(0, 10);

/** The data set already in the bench database if it matches `scale` (and the migrations), else null. */
export async function findDataset(url: string, scale: Scale): Promise<BenchDataset | null> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ exists: string | null }>(
      `SELECT to_regclass('bench.dataset')::text AS exists`,
    );
    if (!rows[0]?.exists) return null;
    const found = await c.query<{ fingerprint: string; dataset: BenchDataset }>(
      "SELECT fingerprint, dataset FROM bench.dataset",
    );
    const row = found.rows[0];
    return row && row.fingerprint === fingerprint(scale) ? row.dataset : null;
  });
}

/**
 * Reuses the bench database's data set when it was generated for the same scale, otherwise
 * recreates the database and generates it.
 */
export async function ensureDataset(
  db: ResolvedDatabase,
  scale: Scale,
  options: { regenerate?: boolean; verbose?: boolean; log?: (line: string) => void } = {},
): Promise<{ dataset: BenchDataset; reused: boolean }> {
  const log = options.log ?? console.log;
  if (!options.regenerate) {
    const existing = await findDataset(db.url, scale);
    if (existing) {
      log(`Reusing bench data (${describeScale(existing.scale)}; generated ${existing.generatedAt}).`);
      return { dataset: existing, reused: true };
    }
  }
  log(`Generating bench data (${describeScale(scale)}) ...`);
  const dataset = await generateDataset(db, scale, { log, verbose: options.verbose });
  return { dataset, reused: false };
}

/** Drops and recreates the bench database, migrates it and fills it. `verbose` times each step. */
export async function generateDataset(
  db: ResolvedDatabase,
  scale: Scale,
  options: { verbose?: boolean; log?: (line: string) => void } = {},
): Promise<BenchDataset> {
  const log = options.log ?? console.log;
  const started = performance.now();
  // What the data is made from, read before anything is made: files edited during a long
  // generation must not be credited to it.
  const made = fingerprint(scale);
  const name = new URL(db.url).pathname.slice(1);
  await dropDatabase(db.adminUrl, name);
  await ensureDatabase(db.adminUrl, name);
  await deployMigrations(db.url);
  const migrated = performance.now();
  // One argon2 hash for the staff user (nobody signs in with it: sessions are created directly).
  const passwordHash = await hashPassword(crypto.randomUUID());

  const { counts, ids, loadSeconds, vacuumSeconds } = await withClient(db.url, async (c) => {
    const steps = new Map<string, number>();
    const step = async (label: string, sql: string, params: unknown[] = []) => {
      const t = performance.now();
      const result = await c.query(sql, params);
      steps.set(label, (steps.get(label) ?? 0) + (performance.now() - t));
      return result;
    };
    const t0 = performance.now();
    await c.query("BEGIN");
    await c.query("SET LOCAL synchronous_commit = off");
    await c.query("SET LOCAL timezone = 'UTC'");
    await c.query("SET LOCAL work_mem = '64MB'");
    await createHelpers(c);
    await loadReference(step, passwordHash);
    await generateCustomers(step, scale);
    await generateItems(step, scale);
    await withoutSecondaryConstraints(c, LOADED_TABLES, () => insertAll(step), step);
    const ids = await markerIds(c);
    const violations = await verifyLedger(c);
    if (violations.length) throw new Error(`Generated ledger is inconsistent: ${violations.join("; ")}`);
    await c.query("COMMIT");
    const loadSeconds = (performance.now() - t0) / 1000;
    // Fresh statistics and visibility maps, as a long-running database would have.
    const t1 = performance.now();
    await c.query("VACUUM (ANALYZE)");
    const vacuumSeconds = (performance.now() - t1) / 1000;
    const counts = await countRows(c, ids.bigCustomerId);
    if (options.verbose) {
      for (const [label, ms] of steps) log(`  ${label.padEnd(22)} ${(ms / 1000).toFixed(2)} s`);
    }
    return { counts, ids, loadSeconds, vacuumSeconds };
  });

  const seconds = (performance.now() - started) / 1000;
  const dataset: BenchDataset = {
    scale,
    ...ids,
    counts,
    generatedAt: new Date().toISOString(),
    seconds: Math.round(seconds * 10) / 10,
  };
  await withClient(db.url, async (c) => {
    await c.query(`CREATE SCHEMA IF NOT EXISTS bench`);
    await c.query(
      `CREATE TABLE bench.dataset (id int PRIMARY KEY DEFAULT 1 CHECK (id = 1), fingerprint text NOT NULL, dataset jsonb NOT NULL)`,
    );
    await c.query("INSERT INTO bench.dataset (fingerprint, dataset) VALUES ($1, $2)", [
      made,
      JSON.stringify(dataset),
    ]);
  });

  const tables = Object.entries(counts).filter(([k]) => !k.startsWith("big_customer"));
  const totalRows = tables.reduce((sum, [, n]) => sum + n, 0);
  const fmt = (n: number) => n.toLocaleString("en-US");
  log(
    `Generated ${fmt(totalRows)} rows in ${seconds.toFixed(1)} s ` +
      `(migrate ${((migrated - started) / 1000).toFixed(1)} s, load ${loadSeconds.toFixed(1)} s, ` +
      `vacuum+analyze ${vacuumSeconds.toFixed(1)} s): ${fmt(Math.round(totalRows / loadSeconds))} rows/s loading, ` +
      `${fmt(Math.round(totalRows / seconds))} rows/s overall.`,
  );
  log(`  ${tables.map(([table, n]) => `${table} ${fmt(n)}`).join(", ")}`);
  log(
    `  big customer ${dataset.bigCustomerAccountNumber}: ${fmt(counts.big_customer_items ?? 0)} items, ${fmt(counts.big_customer_open_items ?? 0)} open`,
  );
  return dataset;
}

type Step = (label: string, sql: string, params?: unknown[]) => Promise<pg.QueryResult>;

/** Deterministic pseudo random numbers and ids, as SQL functions for this session only. */
async function createHelpers(c: pg.Client) {
  // rnd(key, salt): a uniform number in [0, 1) fixed per (key, salt).
  await c.query(`CREATE FUNCTION pg_temp.rnd(k bigint, salt bigint) RETURNS float8
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((hashint8extended(k, salt) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$`);
  // pick(key, salt, n): a whole number in [0, n).
  await c.query(`CREATE FUNCTION pg_temp.pick(k bigint, salt bigint, n int) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT floor(pg_temp.rnd(k, salt) * n)::int $$`);
  // uid(text): a stable UUID in version 4 layout (zod's z.uuid() checks version and variant).
  await c.query(`CREATE FUNCTION pg_temp.uid(t text) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT overlay(overlay(md5(t) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$`);
}

/** Legal entities, catalog, places and word lists as temp tables; the staff and portal users. */
async function loadReference(step: Step, passwordHash: string) {
  const entities = DEMO_LEGAL_ENTITIES.map((e, i) => {
    const w = e.termsWeights;
    const total = w.NET15 + w.NET30 + w.NET45 + w.NET60;
    return {
      le_idx: i + 1,
      code: e.code,
      name: e.name,
      currency: e.currency,
      country: e.country,
      locale: e.locale,
      tax_id: e.taxId,
      remit_to_name: e.remitToName,
      remit_to_address: e.remitToAddress,
      bank_name: e.bankName,
      bank_account_name: e.bankAccountName,
      bank_account: e.bankAccount,
      bank_routing: e.bankRouting,
      iban: e.iban,
      swift: e.swift,
      account_prefix: e.accountPrefix,
      invoice_prefix: e.numberPrefix.invoice,
      credit_memo_prefix: e.numberPrefix.creditMemo,
      payment_prefix: e.numberPrefix.payment,
      price_factor_bp: Number(e.priceFactorBp),
      // Cumulative shares of NET15, NET30, NET45 (NET60 takes the rest).
      terms_cum: [w.NET15 / total, (w.NET15 + w.NET30) / total, (w.NET15 + w.NET30 + w.NET45) / total],
      industries: INDUSTRIES[e.locale],
      suffixes: COMPANY_SUFFIXES[e.locale],
      first_names: FIRST_NAMES[e.locale] ?? FIRST_NAMES.en,
      last_names: LAST_NAMES[e.locale] ?? LAST_NAMES.en,
      job_titles: JOB_TITLES[e.locale],
      credit_reasons: CREDIT_REASONS[e.locale],
      streets: STREETS[e.country] ?? STREETS.US,
      country_name: COUNTRY_NAMES[e.country] ?? e.country,
      fee_text: FEE_TEXT[e.locale] ?? FEE_TEXT.en,
    };
  });
  await step(
    "reference",
    `CREATE TEMP TABLE ble ON COMMIT DROP AS
     SELECT x.*, pg_temp.uid('legal-entity:' || x.code) AS id
       FROM jsonb_to_recordset($1::jsonb) AS x(
         le_idx int, code text, name text, currency text, country text, locale text, tax_id text,
         remit_to_name text, remit_to_address text[], bank_name text, bank_account_name text,
         bank_account text, bank_routing text, iban text, swift text, account_prefix text,
         invoice_prefix text, credit_memo_prefix text, payment_prefix text, price_factor_bp bigint,
         terms_cum float8[], industries text[], suffixes text[], first_names text[], last_names text[],
         job_titles text[], credit_reasons text[], streets text[], country_name text, fee_text text)`,
    [JSON.stringify(entities)],
  );
  await step(
    "reference",
    `INSERT INTO legal_entity (id, code, name, currency, country, tax_id, remit_to_name, remit_to_address,
       bank_name, bank_account_name, bank_account, bank_routing, iban, swift)
     SELECT id, code, name, currency, country, tax_id, remit_to_name, remit_to_address,
            bank_name, bank_account_name, bank_account, bank_routing, iban, swift
       FROM ble ORDER BY le_idx`,
  );

  const locales = ["en", "pt-BR", "de"] as const;
  const products = CATALOG.map((p, i) => ({
    p_idx: i,
    sku: p.sku,
    texts: locales.map((l) => p.text[l]),
    unit: p.unit,
    list_price: Number(p.listPrice),
    min_qty: p.minQty,
    max_qty: p.maxQty,
    service: p.service ?? false,
    reduced_vat: p.reducedVat ?? false,
  }));
  await step(
    "reference",
    `CREATE TEMP TABLE bprod ON COMMIT DROP AS
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
       p_idx int, sku text, texts text[], unit text, list_price bigint, min_qty int, max_qty int,
       service boolean, reduced_vat boolean)`,
    [JSON.stringify(products)],
  );
  const places = Object.entries(PLACES_BY_COUNTRY).flatMap(([country, list]) =>
    list.map((p, i) => ({
      country,
      p_idx: i,
      city: p.city,
      region: p.region,
      postal_prefix: p.postalPrefix,
      tax_rate_bp: p.taxRateBp,
    })),
  );
  await step(
    "reference",
    `CREATE TEMP TABLE bplace ON COMMIT DROP AS
     SELECT x.*, count(*) OVER (PARTITION BY x.country) AS n
       FROM jsonb_to_recordset($1::jsonb) AS x(
         country text, p_idx int, city text, region text, postal_prefix text, tax_rate_bp int)`,
    [JSON.stringify(places)],
  );
  await step(
    "reference",
    `INSERT INTO staff_user (id, email, name, password_hash, roles)
     VALUES (pg_temp.uid('staff:bench'), $1, 'Bench Admin', $2, '{ADMIN}')`,
    [BENCH_STAFF_EMAIL, passwordHash],
  );
  await step(
    "reference",
    `INSERT INTO portal_user (id, email, name) VALUES (pg_temp.uid('portal-user:bench'), $1, 'Bench Portal User')`,
    [BENCH_PORTAL_EMAIL],
  );
}

/**
 * Customers with a payer profile (good, average, slow). Every hundredth customer heads a group of
 * two child accounts; customer 1 is the big one (a slow payer, customers 2 and 3 are its plants).
 */
async function generateCustomers(step: Step, scale: Scale) {
  await step(
    "customers",
    `CREATE TEMP TABLE bc ON COMMIT DROP AS
     WITH base AS (
       SELECT i, CASE WHEN i % 100 IN (2, 3) THEN i - i % 100 + 1 END AS parent_idx
         FROM generate_series(1, $1::int) AS i
     ), placed AS (
       SELECT b.*, CASE
                WHEN coalesce(b.parent_idx, b.i) = 1 THEN 1
                WHEN pg_temp.rnd(coalesce(b.parent_idx, b.i), 1) < 0.5 THEN 1
                WHEN pg_temp.rnd(coalesce(b.parent_idx, b.i), 1) < 0.75 THEN 2
                ELSE 3 END AS le_idx
         FROM base b
     )
     SELECT p.i AS idx, pg_temp.uid('customer:' || p.i) AS id, p.parent_idx, p.le_idx,
            CASE WHEN p.i = 1 THEN 'slow'
                 WHEN pg_temp.rnd(p.i, 2) < 0.5 THEN 'good'
                 WHEN pg_temp.rnd(p.i, 2) < 0.85 THEN 'average'
                 ELSE 'slow' END AS profile,
            CASE WHEN pg_temp.rnd(p.i, 3) < e.terms_cum[1] THEN 15
                 WHEN pg_temp.rnd(p.i, 3) < e.terms_cum[2] THEN 30
                 WHEN pg_temp.rnd(p.i, 3) < e.terms_cum[3] THEN 45
                 ELSE 60 END AS terms_days,
            e.account_prefix || '-' || (100000 + p.i) AS account_number,
            e.words_name AS base_name, pl.city, pl.region, pl.postal_prefix, pl.tax_rate_bp,
            e.country, e.locale, e.currency
       FROM placed p
       JOIN LATERAL (
         SELECT ble.*, ($2::text[])[1 + pg_temp.pick(p.i, 4, cardinality($2::text[]))] || ' ' ||
                ble.industries[1 + pg_temp.pick(p.i, 5, cardinality(ble.industries))] || ' ' ||
                ble.suffixes[1 + pg_temp.pick(p.i, 6, cardinality(ble.suffixes))] AS words_name
           FROM ble WHERE ble.le_idx = p.le_idx
       ) e ON true
       JOIN bplace pl ON pl.country = e.country AND pl.p_idx = pg_temp.pick(p.i, 7, pl.n::int)`,
    [scale.customers, COMPANY_WORDS],
  );
  await step(
    "customers",
    `INSERT INTO customer (id, account_number, name, legal_entity_id, payment_terms_code, payment_terms_days,
       credit_limit, credit_currency, risk_class, collector_id, parent_id, billing_address, country, created_at)
     SELECT c.id, c.account_number,
            CASE WHEN c.parent_idx IS NULL THEN c.base_name ELSE parent.base_name || ' – ' || c.city END,
            e.id, 'NET' || c.terms_days, c.terms_days,
            (50 + pg_temp.pick(c.idx, 8, 950))::bigint * 100000, c.currency,
            (CASE WHEN c.profile = 'good' AND pg_temp.rnd(c.idx, 9) < 0.6 THEN 'LOW'
                  WHEN c.profile = 'slow' THEN 'HIGH'
                  ELSE 'MEDIUM' END)::risk_class,
            pg_temp.uid('staff:bench'), parent.id,
            ARRAY[
              CASE c.country
                WHEN 'US' THEN (100 + pg_temp.pick(c.idx, 10, 9800)) || ' ' || e.streets[1 + pg_temp.pick(c.idx, 11, cardinality(e.streets))]
                WHEN 'BR' THEN e.streets[1 + pg_temp.pick(c.idx, 11, cardinality(e.streets))] || ', ' || (10 + pg_temp.pick(c.idx, 10, 3000))
                ELSE e.streets[1 + pg_temp.pick(c.idx, 11, cardinality(e.streets))] || ' ' || (1 + pg_temp.pick(c.idx, 10, 180))
              END,
              CASE c.country
                WHEN 'US' THEN c.city || ', ' || c.region || ' ' || c.postal_prefix || lpad(pg_temp.pick(c.idx, 12, 100)::text, 2, '0')
                WHEN 'BR' THEN c.postal_prefix || lpad(pg_temp.pick(c.idx, 12, 100)::text, 2, '0') || '-' || lpad(pg_temp.pick(c.idx, 13, 1000)::text, 3, '0') || ' ' || c.city || ' – ' || c.region
                ELSE c.postal_prefix || lpad(pg_temp.pick(c.idx, 12, 100)::text, 2, '0') || ' ' || c.city
              END,
              e.country_name],
            c.country, timestamptz '2020-01-01' + make_interval(days => pg_temp.pick(c.idx, 14, 1500))
       FROM bc c
       JOIN ble e ON e.le_idx = c.le_idx
       LEFT JOIN bc parent ON parent.idx = c.parent_idx
      ORDER BY c.idx`,
  );
  // One or two contacts per customer, the first primary.
  await step(
    "customers",
    `INSERT INTO contact (id, customer_id, name, email, phone, job_title, is_primary)
     SELECT pg_temp.uid('contact:' || c.idx || ':' || n), c.id, f.first || ' ' || f.last,
            lower(translate(f.first || '.' || f.last, 'äöüÄÖÜãáâçéêíóôõúß', 'aouAOUaaaceeiooous')) || '@' || lower(c.account_number) || '.example',
            CASE c.country WHEN 'US' THEN '+1 555 01' || lpad(pg_temp.pick(c.idx * 2 + n, 15, 100)::text, 2, '0')
                           WHEN 'BR' THEN '+55 11 5555-0' || lpad(pg_temp.pick(c.idx * 2 + n, 15, 1000)::text, 3, '0')
                           ELSE '+49 40 5555 0' || lpad(pg_temp.pick(c.idx * 2 + n, 15, 1000)::text, 3, '0') END,
            e.job_titles[1 + pg_temp.pick(c.idx * 2 + n, 16, cardinality(e.job_titles))], n = 1
       FROM bc c
       JOIN ble e ON e.le_idx = c.le_idx
       CROSS JOIN LATERAL generate_series(1, 1 + pg_temp.pick(c.idx, 17, 2)) AS n
       CROSS JOIN LATERAL (SELECT e.first_names[1 + pg_temp.pick(c.idx * 2 + n, 18, cardinality(e.first_names))] AS first,
                                  e.last_names[1 + pg_temp.pick(c.idx * 2 + n, 19, cardinality(e.last_names))] AS last) f`,
  );
  await step(
    "customers",
    `INSERT INTO portal_membership (id, portal_user_id, customer_id, role)
     VALUES (pg_temp.uid('membership:bench'), pg_temp.uid('portal-user:bench'), pg_temp.uid('customer:1'), 'ADMIN')`,
  );
  // Customers 2..n in a shuffled order: item streams draw from it with a skew (a few customers
  // have many items, most have some), without tying the skew to account numbers.
  await step(
    "customers",
    `CREATE TEMP TABLE brank ON COMMIT DROP AS
     SELECT 0 AS rank, 1 AS idx
     UNION ALL
     SELECT row_number() OVER (ORDER BY pg_temp.rnd(idx, 20), idx)::int, idx FROM bc WHERE idx > 1`,
  );
  await step("customers", "CREATE INDEX ON brank (rank)");
}

/**
 * Debits with their lines, their fate (paid, partially paid, credited, open) by age and payer
 * profile, the payments that paid them in remittance batches, credit memos, and a few
 * application mistakes that were reversed and redone.
 */
async function generateItems(step: Step, scale: Scale) {
  const debits = Math.round(scale.items * DEBIT_SHARE);
  const bigDebits = Math.round(scale.bigCustomerItems * DEBIT_SHARE);
  const creditMemos = Math.round(scale.items * CREDIT_MEMO_SHARE);
  const onAccount = Math.max(1, Math.round(scale.items * ON_ACCOUNT_PAYMENT_SHARE));
  const bigShare = scale.bigCustomerItems / scale.items;
  // Payments fill the remaining item budget; each pays a batch of debits.
  const payments = Math.max(1, scale.items - debits - creditMemos - onAccount);
  const others = scale.customers - 1;
  // Customer rank for the k-th row of a stream: the first `big` rows go to the big customer,
  // the rest skewed towards low ranks (rank 1 gets ~1.3% of them at the default scale).
  const rankOf = (k: string, salt: number, big: string) =>
    `CASE WHEN ${k} <= ${big} THEN 0 ELSE 1 + LEAST(${others - 1}, floor(${others} * power(pg_temp.rnd(${k}, ${salt}), 1.6))::int) END`;

  await step(
    "debits",
    `CREATE TEMP TABLE bd ON COMMIT DROP AS
     WITH raw AS (
       SELECT j, ${rankOf("j", 30, "$2")} AS rank,
              CASE WHEN pg_temp.rnd(j, 31) < 0.95 THEN 'INVOICE' WHEN pg_temp.rnd(j, 31) < 0.975 THEN 'DEBIT_MEMO' ELSE 'FEE' END AS kind,
              ($3::date - pg_temp.pick(j, 32, 730)) AS document_date
         FROM generate_series(1, $1::int) AS j
     )
     SELECT r.j, r.kind, r.document_date, c.idx AS cust, c.le_idx, c.profile, c.country, c.tax_rate_bp,
            r.document_date + CASE WHEN r.kind = 'FEE' THEN 15 ELSE c.terms_days END AS due_date,
            r.document_date + make_interval(hours => 7 + pg_temp.pick(r.j, 33, 11), mins => pg_temp.pick(r.j, 34, 60)) AS created_at
       FROM raw r JOIN brank b ON b.rank = r.rank JOIN bc c ON c.idx = b.idx`,
    [debits, bigDebits, ledgerToday()],
  );

  // Lines: 1-4 catalog lines per invoice, one per debit memo, a flat untaxed line per fee. Net is
  // quantity × price rounded half away from zero, tax per line on the net (as priceLine does).
  await step(
    "lines",
    `CREATE TEMP TABLE bl ON COMMIT DROP AS
     WITH l AS (
       SELECT d.j, d.kind, d.country, d.tax_rate_bp, n AS line_no, e.price_factor_bp, e.fee_text,
              CASE e.locale WHEN 'en' THEN 1 WHEN 'pt-BR' THEN 2 ELSE 3 END AS text_idx,
              p.*, pg_temp.rnd(d.j * 8 + n, 41) AS u
         FROM bd d
         JOIN ble e ON e.le_idx = d.le_idx
         CROSS JOIN LATERAL generate_series(1, CASE WHEN d.kind = 'INVOICE' THEN 1 + pg_temp.pick(d.j, 40, 4) ELSE 1 END) AS n
         JOIN bprod p ON p.p_idx = pg_temp.pick(d.j * 8 + n, 42, (SELECT count(*)::int FROM bprod))
     ), priced AS (
       SELECT j, line_no,
              CASE WHEN kind = 'FEE' THEN NULL ELSE sku END AS sku,
              CASE WHEN kind = 'FEE' THEN fee_text ELSE texts[text_idx] END AS description,
              CASE WHEN kind = 'FEE' THEN 1000::bigint
                   ELSE (min_qty + floor(u * (max_qty - min_qty + 1)))::bigint * 1000
                        + CASE WHEN unit IN ('meter', 'kg') AND pg_temp.rnd(j * 8 + line_no, 43) < 0.3
                                    AND min_qty + floor(u * (max_qty - min_qty + 1)) < max_qty THEN 500 ELSE 0 END
              END AS quantity_milli,
              CASE WHEN kind = 'FEE' THEN round((25 + pg_temp.pick(j, 44, 76)) * 100 * price_factor_bp / 10000.0)::bigint
                   ELSE round(list_price * price_factor_bp / 10000.0)::bigint END AS unit_price,
              CASE WHEN kind = 'FEE' THEN 0
                   WHEN country = 'DE' THEN CASE WHEN reduced_vat THEN 700 ELSE 1900 END
                   WHEN country = 'US' AND service THEN 0
                   WHEN country = 'BR' AND service THEN 500
                   ELSE tax_rate_bp END AS tax_rate_bp
         FROM l
     )
     SELECT priced.*, round(quantity_milli * unit_price / 1000.0)::bigint AS net_amount,
            round(round(quantity_milli * unit_price / 1000.0) * tax_rate_bp / 10000.0)::bigint AS tax_amount
       FROM priced`,
  );

  // Each debit's fate. A customer pays an item some days after its due date (its payer profile
  // sets how many); items whose payment day has not come yet are open. Some items are stuck (a
  // dispute, a lost invoice), some were short-paid, a few got a credit memo first. The big
  // customer is in arrears: most of its debits are unpaid (about `bigCustomerOpenItems` open).
  const linkedCreditMemos = Math.round(creditMemos * 0.8);
  const bigUnpaidShare = Math.min(0.95, (scale.bigCustomerOpenItems / Math.max(1, bigDebits)) * 0.94);
  await step(
    "fates",
    `CREATE TEMP TABLE bf ON COMMIT DROP AS
     WITH amounts AS (SELECT j, sum(net_amount + tax_amount)::bigint AS amount FROM bl GROUP BY j),
     planned AS (
       SELECT d.*, a.amount,
              d.due_date + CASE d.profile
                WHEN 'good' THEN -10 + pg_temp.pick(d.j, 50, 21)
                WHEN 'average' THEN pg_temp.pick(d.j, 50, 46)
                ELSE 10 + floor(150 * power(pg_temp.rnd(d.j, 50), 2))::int END AS pay_date,
              pg_temp.rnd(d.j, 51) < CASE WHEN d.cust = 1 THEN $3::float8 WHEN d.profile = 'good' THEN 0.003
                                          WHEN d.profile = 'average' THEN 0.02 ELSE 0.06 END AS stuck,
              pg_temp.rnd(d.j, 52) < 0.03 AS short_paid,
              CASE WHEN pg_temp.rnd(d.j, 53) < $2::float8 AND d.kind = 'INVOICE' AND a.amount >= 100
                   THEN greatest(1, round(a.amount * (0.03 + 0.17 * pg_temp.rnd(d.j, 54))))::bigint ELSE 0 END AS cm_amount
         FROM bd d JOIN amounts a USING (j)
     )
     SELECT p.*,
            CASE WHEN p.stuck OR p.pay_date > $1::date THEN 0
                 WHEN p.short_paid AND p.amount - p.cm_amount > 1
                   THEN greatest(1, floor((p.amount - p.cm_amount) * (0.2 + 0.6 * pg_temp.rnd(p.j, 55))))::bigint
                 ELSE p.amount - p.cm_amount END AS pay_applied
       FROM planned p`,
    [ledgerToday(), linkedCreditMemos / debits, bigUnpaidShare],
  );

  // Paid debits in remittance batches: per customer, in payment-day order, into a number of
  // payments proportional to its paid debits (so all together get about the payment budget).
  // A remittance is dated on the last payment day of its batch, never before an item it pays.
  await step(
    "payments",
    `CREATE TEMP TABLE blink ON COMMIT DROP AS
     WITH paid AS (
       SELECT f.j, f.cust, f.pay_date, f.document_date, f.pay_applied,
              row_number() OVER (PARTITION BY f.cust ORDER BY f.pay_date, f.j) - 1 AS rank,
              count(*) OVER (PARTITION BY f.cust) AS paid_count,
              count(*) OVER () AS paid_total
         FROM bf f WHERE f.pay_applied > 0
     )
     SELECT j, cust, pay_date, document_date, pay_applied,
            floor(rank * greatest(1, round(paid_count * $1::numeric / paid_total)) / paid_count)::int AS grp
       FROM paid`,
    [payments],
  );
  await step(
    "payments",
    `CREATE TEMP TABLE bp ON COMMIT DROP AS
     WITH g AS (
       SELECT cust, grp, sum(pay_applied)::bigint AS applied,
              least($1::date, greatest(max(pay_date), max(document_date))) AS document_date,
              row_number() OVER (ORDER BY cust, grp) AS k
         FROM blink GROUP BY cust, grp
     )
     SELECT g.*, c.le_idx, c.currency,
            -- Some remittances pay more than the invoices they name: unapplied cash.
            CASE WHEN pg_temp.rnd(g.k, 61) < 0.04 THEN greatest(1, round(g.applied * (0.05 + 0.3 * pg_temp.rnd(g.k, 62))))::bigint
                 ELSE 0 END AS unapplied,
            CASE WHEN pg_temp.rnd(g.k, 63) < 0.55 THEN 'BANK_TRANSFER' WHEN pg_temp.rnd(g.k, 63) < 0.7 THEN 'CHECK'
                 WHEN pg_temp.rnd(g.k, 63) < 0.85 THEN 'LOCKBOX' ELSE 'CARD' END AS method
       FROM g JOIN bc c ON c.idx = g.cust`,
    [ledgerToday()],
  );

  // All items in one table: debits, payments, on-account payments, credit memos (applied ones
  // point at their debit, unapplied ones are spread like debits).
  await step(
    "items",
    `CREATE TEMP TABLE bi ON COMMIT DROP AS
     SELECT pg_temp.uid('debit:' || f.j) AS id, f.cust, f.le_idx, f.kind, f.document_date, f.due_date,
            f.amount, f.amount - f.cm_amount - f.pay_applied AS open_amount, f.created_at,
            CASE WHEN f.kind = 'INVOICE' AND pg_temp.rnd(f.j, 70) < 0.6 THEN 'PO-' || (100000 + pg_temp.pick(f.j, 71, 900000)) END AS po_number,
            NULL::text AS reference, NULL::text AS description, NULL::text AS payment_method, f.j AS seq
       FROM bf f
     UNION ALL
     SELECT pg_temp.uid('payment:' || p.k), p.cust, p.le_idx, 'PAYMENT', p.document_date, NULL,
            p.applied + p.unapplied, p.unapplied,
            p.document_date + make_interval(hours => 9 + pg_temp.pick(p.k, 72, 8), mins => pg_temp.pick(p.k, 73, 60)),
            NULL,
            CASE p.method WHEN 'CHECK' THEN 'Check ' || (1000 + pg_temp.pick(p.k, 74, 90000))
                          WHEN 'CARD' THEN 'pi_' || substr(md5('pi:' || p.k), 1, 24)
                          ELSE 'REM-' || (100000 + p.k) END,
            NULL, p.method, p.k
       FROM bp p
     UNION ALL
     SELECT pg_temp.uid('payment-on-account:' || k), c.idx, c.le_idx, 'PAYMENT', d, NULL, amt, amt,
            d + make_interval(hours => 10), NULL, 'REM-OA-' || k, 'Payment on account', 'BANK_TRANSFER', k
       FROM (SELECT k, ${rankOf("k", 75, "$2")} AS rank, ($1::date - pg_temp.pick(k, 76, 120)) AS d,
                    (100 + pg_temp.pick(k, 77, 5000))::bigint * 100 AS amt
               FROM generate_series(1, $3::int) AS k) x
       JOIN brank b ON b.rank = x.rank JOIN bc c ON c.idx = b.idx
     UNION ALL
     SELECT pg_temp.uid('credit-memo:' || f.j), f.cust, f.le_idx, 'CREDIT_MEMO', cm.d, NULL, f.cm_amount, 0,
            cm.d + make_interval(hours => 11), NULL, NULL, e.credit_reasons[1 + pg_temp.pick(f.j, 78, cardinality(e.credit_reasons))], NULL, f.j
       FROM bf f JOIN ble e ON e.le_idx = f.le_idx
       CROSS JOIN LATERAL (SELECT least($1::date, f.document_date + 3 + pg_temp.pick(f.j, 79, 30)) AS d) cm
      WHERE f.cm_amount > 0
     UNION ALL
     SELECT pg_temp.uid('credit-memo-open:' || k), c.idx, c.le_idx, 'CREDIT_MEMO', d, NULL, amt, amt,
            d + make_interval(hours => 11), NULL, NULL, e.credit_reasons[1 + pg_temp.pick(k, 80, cardinality(e.credit_reasons))], NULL, k
       FROM (SELECT k, ${rankOf("k", 81, "$5")} AS rank, ($1::date - pg_temp.pick(k, 82, 180)) AS d,
                    (20 + pg_temp.pick(k, 83, 2000))::bigint * 100 AS amt
               FROM generate_series(1, $4::int) AS k) x
       JOIN brank b ON b.rank = x.rank JOIN bc c ON c.idx = b.idx JOIN ble e ON e.le_idx = c.le_idx`,
    [
      ledgerToday(),
      Math.round(onAccount * bigShare),
      onAccount,
      Math.max(0, creditMemos - linkedCreditMemos),
      Math.round((creditMemos - linkedCreditMemos) * bigShare),
    ],
  );

  // Applications: payments and credit memos against their debits. About 1% of payment
  // applications were first applied by mistake, reversed, then applied again.
  await step(
    "applications",
    `CREATE TEMP TABLE ba ON COMMIT DROP AS
     WITH pay AS (
       SELECT l.j, l.pay_applied AS amount, pg_temp.uid('payment:' || p.k) AS credit_id, pg_temp.uid('debit:' || l.j) AS debit_id,
              p.k, p.method, p.document_date + make_interval(hours => 17) AS at, c.currency
         FROM blink l JOIN bp p ON p.cust = l.cust AND p.grp = l.grp JOIN bc c ON c.idx = l.cust
     )
     SELECT pg_temp.uid('apply:' || j) AS id, 'APPLY' AS kind, credit_id, debit_id, currency, amount, NULL::uuid AS reverses_id,
            NULL::text AS reason, CASE WHEN method IN ('LOCKBOX', 'CARD') THEN 'system' ELSE 'staff' END AS actor_type,
            at + make_interval(mins => 3) AS created_at
       FROM pay
     UNION ALL
     SELECT pg_temp.uid('mistake:' || j), 'APPLY', credit_id, debit_id, currency, amount, NULL, NULL, 'staff', at
       FROM pay WHERE pg_temp.rnd(j, 90) < 0.01
     UNION ALL
     SELECT pg_temp.uid('reversal:' || j), 'REVERSAL', credit_id, debit_id, currency, amount, pg_temp.uid('mistake:' || j),
            'Applied before the remittance advice arrived', 'staff', at + make_interval(mins => 1)
       FROM pay WHERE pg_temp.rnd(j, 90) < 0.01
     UNION ALL
     SELECT pg_temp.uid('credit-apply:' || f.j), 'APPLY', pg_temp.uid('credit-memo:' || f.j), pg_temp.uid('debit:' || f.j),
            c.currency, f.cm_amount, NULL, NULL, 'staff',
            least($1::date, f.document_date + 3 + pg_temp.pick(f.j, 79, 30)) + make_interval(hours => 12)
       FROM bf f JOIN bc c ON c.idx = f.cust
      WHERE f.cm_amount > 0`,
    [ledgerToday()],
  );
}

const LOADED_TABLES = ["open_item", "invoice_line", "application", "audit_event"];

/**
 * Bulk-load speed-up: drops the foreign keys and secondary indexes of `tables` (keeping primary
 * keys and unique constraints), runs `load`, then recreates them exactly as they were (from the
 * catalog's own definitions). Re-adding a foreign key validates all rows in one join instead of
 * one lookup per inserted row; building an index once beats updating it row by row.
 */
async function withoutSecondaryConstraints(
  c: pg.Client,
  tables: string[],
  load: () => Promise<void>,
  step: Step,
) {
  const { rows: fks } = await c.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY conrelid, conname`,
    [tables],
  );
  const { rows: indexes } = await c.query<{ name: string; def: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
       FROM pg_index i
      WHERE indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY indexrelid`,
    [tables],
  );
  for (const fk of fks) await c.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${fk.name}`);
  for (const index of indexes) await c.query(`DROP INDEX ${index.name}`);
  await load();
  await c.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const index of indexes) await step("recreate indexes", index.def);
  for (const fk of fks)
    await step("recreate foreign keys", `ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${fk.name} ${fk.def}`);
}

/** Copies the temp tables into the schema's tables, in creation order (as a real book grows). */
async function insertAll(step: Step) {
  await step(
    "insert open_item",
    `INSERT INTO open_item (id, customer_id, legal_entity_id, kind, number, currency, amount, open_amount,
       document_date, due_date, reference, po_number, description, payment_method, created_by_id, created_at)
     SELECT i.id, c.id, e.id, i.kind::item_kind,
            CASE i.kind WHEN 'INVOICE' THEN e.invoice_prefix WHEN 'CREDIT_MEMO' THEN e.credit_memo_prefix
                        WHEN 'PAYMENT' THEN e.payment_prefix WHEN 'DEBIT_MEMO' THEN 'DM-' ELSE 'FEE-' END
              || lpad((row_number() OVER (PARTITION BY i.le_idx, i.kind ORDER BY i.created_at, i.seq, i.id))::text, 7, '0'),
            e.currency, i.amount, i.open_amount, i.document_date, i.due_date, i.reference, i.po_number, i.description,
            -- Items of today are stamped no later than now.
            i.payment_method::payment_method, 'bench-generator', least(i.created_at, now())
       FROM bi i JOIN bc c ON c.idx = i.cust JOIN ble e ON e.le_idx = i.le_idx
      ORDER BY i.created_at, i.id`,
  );
  await step(
    "insert invoice_line",
    `INSERT INTO invoice_line (id, item_id, line_no, sku, description, quantity_milli, unit_price, tax_rate_bp, net_amount, tax_amount)
     SELECT pg_temp.uid('line:' || j || ':' || line_no), pg_temp.uid('debit:' || j), line_no, sku, description,
            quantity_milli, unit_price, tax_rate_bp, net_amount, tax_amount
       FROM bl ORDER BY j, line_no`,
  );
  await step(
    "insert application",
    `INSERT INTO application (id, kind, customer_id, credit_item_id, debit_item_id, currency, amount, reverses_id,
       reason, actor_type, actor_id, created_at)
     SELECT ba.id, ba.kind::application_kind, ci.customer_id, credit_id, debit_id, ba.currency, ba.amount, reverses_id,
            reason, actor_type,
            CASE actor_type WHEN 'staff' THEN pg_temp.uid('staff:bench')::text ELSE 'auto-match' END,
            least(ba.created_at, now())
       FROM ba JOIN open_item ci ON ci.id = ba.credit_id ORDER BY ba.created_at, ba.id`,
  );
  // The audit trail the use cases write: one event per item and per application, plus account
  // events (notes, limit changes) that the back office lists next to the ledger.
  await step(
    "insert audit_event",
    `INSERT INTO audit_event (at, actor_type, actor_id, action, entity_type, entity_id, customer_id, after)
     SELECT at, actor_type, actor_id, action, entity_type, entity_id, customer_id, after FROM (
       SELECT o.created_at AS at, 'staff' AS actor_type, pg_temp.uid('staff:bench')::text AS actor_id,
              lower(o.kind::text) || CASE WHEN o.kind IN ('PAYMENT', 'CREDIT_MEMO') THEN '.record' ELSE '.create' END AS action,
              'open_item' AS entity_type, o.id::text AS entity_id, o.customer_id,
              jsonb_build_object('number', o.number, 'amount', o.amount::text, 'currency', o.currency,
                                 'dueDate', to_char(o.due_date, 'YYYY-MM-DD"T00:00:00.000Z"')) AS after
         FROM open_item o
       UNION ALL
       SELECT a.created_at, a.actor_type, a.actor_id,
              CASE a.kind WHEN 'APPLY' THEN 'application.apply' ELSE 'application.reverse' END,
              'application', coalesce(a.reverses_id, a.id)::text, c.customer_id,
              jsonb_build_object('creditItemId', a.credit_item_id, 'debitItemId', a.debit_item_id,
                                 'amount', a.amount::text, 'currency', a.currency)
         FROM application a JOIN open_item c ON c.id = a.credit_item_id
       UNION ALL
       SELECT timestamptz '2024-01-01' + make_interval(days => pg_temp.pick(c.idx * 64 + n, 91, 700), hours => 8 + pg_temp.pick(c.idx * 64 + n, 92, 10)),
              'staff', pg_temp.uid('staff:bench')::text,
              ($1::text[])[1 + pg_temp.pick(c.idx * 64 + n, 93, cardinality($1::text[]))],
              'customer', c.id::text, c.id, jsonb_build_object('note', 'Generated for benchmarks')
         FROM bc c CROSS JOIN LATERAL generate_series(1, CASE WHEN c.idx = 1 THEN 40 ELSE 1 + pg_temp.pick(c.idx, 94, 3) END) AS n
     ) events ORDER BY at`,
    [ACCOUNT_ACTIONS],
  );
}

async function markerIds(c: pg.Client) {
  const { rows } = await c.query<{
    id: string;
    name: string;
    account_number: string;
    staff: string;
    portal: string;
  }>(
    `SELECT id, name, account_number, pg_temp.uid('staff:bench')::text AS staff, pg_temp.uid('portal-user:bench')::text AS portal
       FROM customer WHERE id = pg_temp.uid('customer:1')`,
  );
  const row = rows[0];
  if (!row) throw new Error("The big customer was not generated.");
  return {
    bigCustomerId: row.id,
    bigCustomerName: row.name,
    bigCustomerAccountNumber: row.account_number,
    staffUserId: row.staff,
    portalUserId: row.portal,
  };
}

/**
 * The ledger's invariants over the whole book, set-based (the domain's findLedgerViolations
 * checks item by item, which is meant for one customer or a test database).
 */
export async function verifyLedger(c: pg.Client): Promise<string[]> {
  const { rows } = await c.query<Record<string, string>>(`
    WITH active AS (
      SELECT a.credit_item_id, a.debit_item_id, a.amount FROM application a
       WHERE a.kind = 'APPLY' AND NOT EXISTS (SELECT 1 FROM application r WHERE r.reverses_id = a.id)
    ), used AS (
      SELECT item_id, sum(amount) AS used FROM (
        SELECT credit_item_id AS item_id, amount FROM active UNION ALL SELECT debit_item_id, amount FROM active
      ) u GROUP BY item_id
    )
    SELECT
      (SELECT count(*) FROM open_item i LEFT JOIN used u ON u.item_id = i.id
        WHERE i.open_amount <> i.amount - coalesce(u.used, 0)) AS open_amount_cache,
      (SELECT count(*) FROM open_item i JOIN used u ON u.item_id = i.id WHERE u.used > i.amount) AS over_applied,
      (SELECT count(*) FROM open_item WHERE open_amount < 0) AS negative_open_amount,
      (SELECT count(*) FROM application a JOIN open_item c ON c.id = a.credit_item_id JOIN open_item d ON d.id = a.debit_item_id
        WHERE c.currency <> d.currency OR a.currency <> c.currency) AS cross_currency,
      (SELECT count(*) FROM application a JOIN open_item c ON c.id = a.credit_item_id JOIN open_item d ON d.id = a.debit_item_id
        WHERE c.customer_id <> d.customer_id OR c.legal_entity_id <> d.legal_entity_id) AS cross_customer,
      (SELECT count(*) FROM application a JOIN open_item c ON c.id = a.credit_item_id JOIN open_item d ON d.id = a.debit_item_id
        WHERE c.kind NOT IN ('PAYMENT', 'CREDIT_MEMO') OR d.kind NOT IN ('INVOICE', 'DEBIT_MEMO', 'FEE')) AS wrong_sides,
      (SELECT count(*) FROM open_item i JOIN LATERAL (
         SELECT sum(net_amount + tax_amount) AS total FROM invoice_line l WHERE l.item_id = i.id) s ON true
        WHERE i.kind IN ('INVOICE', 'DEBIT_MEMO', 'FEE') AND s.total IS DISTINCT FROM i.amount) AS lines_total`);
  const row = rows[0] ?? {};
  return Object.entries(row)
    .filter(([, n]) => Number(n) > 0)
    .map(([rule, n]) => `${rule}: ${n}`);
}

async function countRows(c: pg.Client, bigCustomerId: string): Promise<Record<string, number>> {
  const { rows } = await c.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM legal_entity) AS legal_entity,
            (SELECT count(*) FROM customer) AS customer,
            (SELECT count(*) FROM contact) AS contact,
            (SELECT count(*) FROM open_item) AS open_item,
            (SELECT count(*) FROM invoice_line) AS invoice_line,
            (SELECT count(*) FROM application) AS application,
            (SELECT count(*) FROM audit_event) AS audit_event`,
  );
  const big = await c.query<{ items: string; open: string }>(
    `SELECT count(*) AS items, count(*) FILTER (WHERE open_amount > 0) AS open FROM open_item WHERE customer_id = $1`,
    [bigCustomerId],
  );
  return {
    ...Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)])),
    big_customer_items: Number(big.rows[0]?.items ?? 0),
    big_customer_open_items: Number(big.rows[0]?.open ?? 0),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string" },
      items: { type: "string" },
      customers: { type: "string" },
      "big-items": { type: "string" },
      "big-open": { type: "string" },
      regenerate: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
    },
  });
  const scale = resolveScale({ ...values, bigItems: values["big-items"], bigOpen: values["big-open"] });
  const db = await resolveDatabase("bench", process.env.BENCH_DATABASE_URL);
  try {
    await ensureDataset(db, scale, { regenerate: values.regenerate, verbose: values.verbose });
  } finally {
    await db.stop();
  }
}

if (import.meta.filename === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
