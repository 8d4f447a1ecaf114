import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { dropDatabase, ensureDatabase } from "@settle/db-tools/databases";
import { deployMigrations } from "@settle/db-tools/migrations";
import { beforeAll, describe, expect, it } from "vitest";
import { type Db, getDb } from "../db/client.ts";
import { PrismaClient } from "../db/generated/client.ts";
import { DEMO_PASSWORD, DEMO_PORTAL_EMAIL, DEMO_STAFF } from "./demo-data.ts";
import { formatSeedSummary, type SeedSummary, seedDemo, seedDemoInto } from "./seed-demo.ts";

// A fixed "today", so both seeds of the determinism check agree even across midnight.
const referenceDate = new Date("2026-03-15T00:00:00Z");
const ninetyDaysAgo = new Date("2025-12-15T00:00:00Z");
let summary: SeedSummary;

/** The first row of a query, with PostgreSQL counts cast to int in the SQL. */
async function row<T>(query: Promise<T[]>): Promise<T> {
  const rows = await query;
  return rows[0] as T;
}

/** sha256 over the book's documents, lines and applications in a stable order. */
async function digestOf(db: Db): Promise<string> {
  const items = await db.$queryRaw<unknown[]>`
    SELECT le.code, i.kind, i.number, c.account_number, c.name, i.currency, i.amount::text, i.open_amount::text,
           i.document_date::text, i.due_date::text, i.payment_method, i.reference, i.description
      FROM open_item i JOIN legal_entity le ON le.id = i.legal_entity_id JOIN customer c ON c.id = i.customer_id
     ORDER BY le.code, i.kind, i.number`;
  const lines = await db.$queryRaw<unknown[]>`
    SELECT le.code, i.number, l.line_no, l.sku, l.quantity_milli::text, l.unit_price::text, l.tax_rate_bp,
           l.net_amount::text, l.tax_amount::text
      FROM invoice_line l JOIN open_item i ON i.id = l.item_id JOIN legal_entity le ON le.id = i.legal_entity_id
     ORDER BY le.code, i.number, l.line_no`;
  const applications = await db.$queryRaw<unknown[]>`
    SELECT le.code, cr.number AS credit, dr.number AS debit, a.amount::text, a.created_at
      FROM application a JOIN open_item cr ON cr.id = a.credit_item_id JOIN open_item dr ON dr.id = a.debit_item_id
      JOIN legal_entity le ON le.id = cr.legal_entity_id
     ORDER BY le.code, cr.number, dr.number`;
  return createHash("sha256").update(JSON.stringify({ items, lines, applications })).digest("hex");
}

beforeAll(async () => {
  summary = await seedDemo(undefined, { referenceDate });
}, 180_000);

describe("seedDemo", () => {
  it("loads the demo volumes", async () => {
    expect(summary.seeded).toBe(true);
    const c = await row(
      getDb().$queryRaw<Record<string, number>[]>`SELECT
        (SELECT count(DISTINCT currency) FROM legal_entity)::int AS currencies,
        (SELECT count(*) FROM customer)::int AS customers,
        (SELECT count(*) FROM customer WHERE parent_id IS NOT NULL)::int AS children,
        (SELECT count(DISTINCT parent_id) FROM customer)::int AS parents,
        (SELECT count(*) FROM customer c JOIN customer p ON p.id = c.parent_id
          WHERE p.legal_entity_id <> c.legal_entity_id OR p.parent_id IS NOT NULL)::int AS bad_children,
        (SELECT count(*) FROM open_item WHERE kind = 'INVOICE')::int AS invoices,
        (SELECT count(DISTINCT date_trunc('month', document_date)) FROM open_item WHERE kind = 'INVOICE')::int AS months,
        (SELECT max(document_date) - min(document_date) FROM open_item WHERE kind = 'INVOICE')::int AS span_days,
        (SELECT count(*) FROM invoice_line)::int AS lines,
        (SELECT max(n) FROM (SELECT count(*) AS n FROM invoice_line GROUP BY item_id) x)::int AS max_lines,
        (SELECT count(*) FROM portal_user)::int AS portal_users,
        (SELECT count(*) FROM customer c WHERE NOT EXISTS (
          SELECT 1 FROM staff_user s WHERE s.id = c.collector_id AND 'COLLECTOR' = ANY(s.roles)))::int AS uncollected,
        (SELECT count(*) FROM customer c WHERE (SELECT count(*) FROM contact k
          WHERE k.customer_id = c.id AND k.is_primary) <> 1)::int AS without_one_primary,
        (SELECT count(*) FROM audit_event WHERE action = 'seed.load')::int AS seed_events`,
    );
    expect(c.currencies).toBeGreaterThanOrEqual(3);
    expect(c.customers).toBeGreaterThanOrEqual(200);
    expect(c.children).toBeGreaterThanOrEqual(10);
    expect(c.parents).toBeGreaterThanOrEqual(3);
    expect(c.bad_children).toBe(0);
    expect(c.invoices).toBeGreaterThanOrEqual(5000);
    expect(c.months).toBeGreaterThanOrEqual(17);
    expect(c.span_days).toBeGreaterThanOrEqual(17 * 30);
    expect(c.lines).toBeGreaterThan(c.invoices ?? 0);
    expect(c.max_lines).toBeLessThanOrEqual(6);
    expect(c.portal_users).toBeGreaterThanOrEqual(40);
    expect(c.portal_users).toBeLessThanOrEqual(65);
    expect(c.uncollected).toBe(0);
    expect(c.without_one_primary).toBe(0);
    expect(c.seed_events).toBe(1);

    const roles = await getDb().$queryRaw<{ role: string }[]>`
      SELECT DISTINCT unnest(roles)::text AS role FROM staff_user ORDER BY 1`;
    expect(roles.map((r) => r.role)).toEqual([
      "ADMIN",
      "AR_MANAGER",
      "CASH_APPLIER",
      "COLLECTOR",
      "CREDIT_MANAGER",
      "DISPUTE_ANALYST",
    ]);
  });

  it("prices invoices as createInvoice does and taxes them by country", async () => {
    const c = await row(
      getDb().$queryRaw<Record<string, number>[]>`SELECT
        (SELECT count(*) FROM open_item i WHERE i.kind = 'INVOICE' AND i.amount <>
          (SELECT sum(net_amount + tax_amount) FROM invoice_line l WHERE l.item_id = i.id))::int AS wrong_totals,
        (SELECT count(*) FROM invoice_line WHERE net_amount <> round(quantity_milli * unit_price / 1000.0))::int
          AS wrong_nets,
        (SELECT count(*) FROM invoice_line WHERE tax_amount <> round(net_amount * tax_rate_bp / 10000.0))::int
          AS wrong_taxes,
        (SELECT count(*) FROM invoice_line l JOIN open_item i ON i.id = l.item_id WHERE
          (i.currency = 'USD' AND l.tax_rate_bp > 888) OR
          (i.currency = 'BRL' AND l.tax_rate_bp NOT IN (1700, 1800)) OR
          (i.currency = 'EUR' AND l.tax_rate_bp NOT IN (700, 1900)))::int AS wrong_rates`,
    );
    expect(c).toEqual({ wrong_totals: 0, wrong_nets: 0, wrong_taxes: 0, wrong_rates: 0 });
  });

  it("keeps the ledger invariants over the whole book", async () => {
    const c = await row(
      getDb().$queryRaw<Record<string, number>[]>`
      WITH active AS (
        SELECT a.* FROM application a
         WHERE a.kind = 'APPLY' AND NOT EXISTS (SELECT 1 FROM application r WHERE r.reverses_id = a.id)
      ), per_item AS (
        SELECT credit_item_id AS item_id, amount FROM active
        UNION ALL SELECT debit_item_id, amount FROM active
      ), totals AS (
        SELECT item_id, sum(amount) AS applied FROM per_item GROUP BY item_id
      )
      SELECT
        (SELECT count(*) FROM open_item i LEFT JOIN totals t ON t.item_id = i.id
          WHERE i.open_amount <> i.amount - coalesce(t.applied, 0))::int AS stale_open,
        (SELECT count(*) FROM open_item WHERE open_amount < 0)::int AS negative_open,
        (SELECT count(*) FROM open_item i JOIN totals t ON t.item_id = i.id WHERE t.applied > i.amount)::int
          AS over_applied,
        (SELECT count(*) FROM application a
           JOIN open_item cr ON cr.id = a.credit_item_id JOIN open_item dr ON dr.id = a.debit_item_id
          WHERE a.currency <> cr.currency OR cr.currency <> dr.currency OR cr.customer_id <> dr.customer_id
             OR cr.kind NOT IN ('PAYMENT', 'CREDIT_MEMO') OR dr.kind NOT IN ('INVOICE', 'DEBIT_MEMO', 'FEE')
             OR a.created_at::date < greatest(cr.document_date, dr.document_date))::int AS mismatched,
        (SELECT count(*) FROM application WHERE kind <> 'APPLY')::int AS not_apply`,
    );
    expect(c).toEqual({ stale_open: 0, negative_open: 0, over_applied: 0, mismatched: 0, not_apply: 0 });
  });

  it("has the states a demo needs: overdue, partial, unapplied, credited", async () => {
    const c = await row(
      getDb().$queryRaw<Record<string, number>[]>`SELECT
        (SELECT count(*) FROM open_item WHERE kind = 'INVOICE' AND open_amount > 0
          AND due_date < ${ninetyDaysAgo})::int AS overdue_90,
        (SELECT count(*) FROM open_item WHERE kind = 'INVOICE' AND open_amount > 0
          AND open_amount < amount)::int AS partially_paid,
        (SELECT count(*) FROM open_item WHERE kind = 'INVOICE' AND open_amount = 0)::int AS paid,
        (SELECT count(*) FROM open_item WHERE kind = 'PAYMENT' AND open_amount = amount)::int AS unapplied_payments,
        (SELECT count(*) FROM open_item WHERE kind = 'PAYMENT' AND open_amount > 0
          AND open_amount < amount)::int AS partly_applied_payments,
        (SELECT count(*) FROM open_item WHERE kind = 'CREDIT_MEMO' AND open_amount = 0)::int AS applied_memos,
        (SELECT count(*) FROM open_item WHERE kind = 'CREDIT_MEMO' AND open_amount > 0)::int AS open_memos,
        (SELECT count(*) FROM open_item WHERE kind = 'PAYMENT'
          AND (payment_method IS NULL OR reference IS NULL))::int AS payments_without_method,
        (SELECT count(DISTINCT payment_method) FROM open_item
          WHERE payment_method IN ('BANK_TRANSFER', 'CHECK', 'CARD', 'LOCKBOX'))::int AS methods`,
    );
    expect(c.overdue_90).toBeGreaterThanOrEqual(20);
    expect(c.partially_paid).toBeGreaterThanOrEqual(20);
    expect(c.paid).toBeGreaterThan(3000);
    expect(c.unapplied_payments).toBeGreaterThanOrEqual(10);
    expect(c.partly_applied_payments).toBeGreaterThanOrEqual(1);
    expect(c.applied_memos).toBeGreaterThanOrEqual(50);
    expect(c.open_memos).toBeGreaterThanOrEqual(3);
    expect(c.payments_without_method).toBe(0);
    expect(c.methods).toBe(4);

    // Invoices of the last 30 days are mostly still open.
    const recent = await row(
      getDb().$queryRaw<{ open: number; total: number }[]>`
        SELECT count(*) FILTER (WHERE open_amount > 0)::int AS open, count(*)::int AS total
          FROM open_item WHERE kind = 'INVOICE' AND document_date > ${new Date("2026-02-13T00:00:00Z")}`,
    );
    expect(recent.open / recent.total).toBeGreaterThan(0.7);
  });

  it("starts each legal entity's receipt counter where its receipts stopped, for card payments to go on", async () => {
    const counters = await getDb().$queryRaw<
      { code: string; prefix: string; last_value: bigint; highest: bigint }[]
    >`
      SELECT le.code, r.prefix, r.last_value,
             (SELECT max(substring(i.number from '[0-9]+$')::bigint) FROM open_item i
               WHERE i.legal_entity_id = le.id AND i.kind = 'PAYMENT') AS highest
        FROM receipt_number_counter r JOIN legal_entity le ON le.id = r.legal_entity_id
       ORDER BY le.code`;
    expect(counters.map((c) => [c.code, c.prefix])).toEqual([
      ["SETTLE-BR", "REC-"],
      ["SETTLE-DE", "ZE-"],
      ["SETTLE-US", "RCT-"],
    ]);
    for (const c of counters) {
      expect(c.highest).toBeGreaterThan(100_000n);
      expect(c.last_value).toBe(c.highest);
    }
  });

  it("gives every demo sign-in access", async () => {
    const staff = await getDb().staffUser.findMany({
      select: { email: true, roles: true, passwordHash: true },
    });
    for (const s of DEMO_STAFF) {
      const user = staff.find((u) => u.email === s.email);
      expect(user?.roles).toEqual(s.roles);
      expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    }
    const demo = await getDb().portalUser.findUniqueOrThrow({
      where: { email: DEMO_PORTAL_EMAIL },
      include: {
        memberships: { include: { customer: { select: { parentId: true, legalEntityId: true } } } },
      },
    });
    expect(demo.memberships.length).toBeGreaterThanOrEqual(3);
    expect(new Set(demo.memberships.map((m) => m.role))).toEqual(new Set(["ADMIN", "PAYER", "VIEWER"]));
    expect(new Set(demo.memberships.map((m) => m.customer.legalEntityId)).size).toBe(1);
    expect(demo.memberships.filter((m) => m.customer.parentId === null)).toHaveLength(1);

    const multi = await getDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM portal_membership GROUP BY portal_user_id HAVING count(*) BETWEEN 2 AND 3`;
    expect(multi.length).toBeGreaterThanOrEqual(2);

    const text = formatSeedSummary(summary);
    expect(text).toContain(`password "${DEMO_PASSWORD}"`);
    for (const s of DEMO_STAFF) expect(text).toContain(s.email);
    expect(text).toContain(DEMO_PORTAL_EMAIL);
  });

  it("sets up disputes: matrix, departments, holidays and disputes in several states", async () => {
    const db = getDb();
    expect(await db.department.count()).toBe(4);
    expect(await db.disputeRule.count({ where: { active: true } })).toBe(11);
    expect(await db.holiday.count()).toBeGreaterThanOrEqual(3 * 15);
    const disputes = await db.dispute.findMany({
      orderBy: { number: "asc" },
      select: { status: true, channel: true },
    });
    expect(disputes).toEqual([
      { status: "OPEN", channel: "PORTAL" },
      { status: "UNDER_REVIEW", channel: "PORTAL" },
      { status: "PENDING_APPROVAL", channel: "PHONE" },
      { status: "RESOLVED_INVALID", channel: "EMAIL" },
    ]);
    // Nothing in the demo disputes touched the ledger.
    expect(await db.openItem.count({ where: { number: { startsWith: "CM-D-" } } })).toBe(0);
  });

  it("is a no-op on a database that has data", async () => {
    const before = await getDb().openItem.count();
    const again = await seedDemo();
    expect(again.seeded).toBe(false);
    expect(await getDb().openItem.count()).toBe(before);
    expect(await getDb().auditEvent.count({ where: { action: "seed.load" } })).toBe(1);
  });

  it("is deterministic: a second fresh database gets the same documents and amounts", async () => {
    const url = new URL(process.env.DATABASE_URL ?? "");
    const twin = `${url.pathname.slice(1)}_twin`;
    const adminUrl = new URL("/postgres", url).toString();
    const twinUrl = new URL(`/${twin}`, url).toString();
    await ensureDatabase(adminUrl, twin);
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: twinUrl }) });
    try {
      await deployMigrations(twinUrl);
      const second = await seedDemoInto(other, { referenceDate });
      expect(second.seeded).toBe(true);
      expect(await digestOf(other)).toBe(await digestOf(getDb()));
      if (second.seeded && summary.seeded) expect(second.counts).toEqual(summary.counts);
    } finally {
      await other.$disconnect();
      await dropDatabase(adminUrl, twin);
    }
  }, 180_000);
});
