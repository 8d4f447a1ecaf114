/**
 * Loads the demo book (demo-book.ts) into an empty database: one transaction of bulk inserts,
 * so a failure leaves nothing behind. A database that already has a legal entity is left alone.
 *
 * Run it with `tsx packages/domain/src/seed/seed-demo.ts` (DATABASE_URL), or call `seedDemo`.
 */
import { pathToFileURL } from "node:url";
import { systemActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { hashPassword } from "../auth/password.ts";
import { configureDatabase, type Db, disconnectDb, getDb, type Tx } from "../db/client.ts";
import { formatMoney } from "../money/money.ts";
import { startReceiptNumbering } from "../payments/receipt-numbers.ts";
import {
  type ApplicationRow,
  buildDemoBook,
  DEMO_SEED,
  type DemoBook,
  type DemoPortalSignIn,
  HISTORY_DAYS,
  type InvoiceLineRow,
  type OpenItemRow,
} from "./demo-book.ts";
import { DEMO_PASSWORD } from "./demo-data.ts";
import { seedDemoDisputes } from "./demo-disputes.ts";

export interface SeedDemoOptions {
  /** "Today" for the book; defaults to the current date, so the demo always looks current. */
  referenceDate?: Date;
}

export interface SeedCounts {
  legalEntities: number;
  staffUsers: number;
  customers: number;
  childAccounts: number;
  contacts: number;
  portalUsers: number;
  portalMemberships: number;
  invoices: number;
  invoiceLines: number;
  payments: number;
  creditMemos: number;
  applications: number;
}

export interface CurrencyBalance {
  currency: string;
  /** Open debits less unapplied credits, in minor units. */
  net: bigint;
  /** Open invoice amounts more than 90 days past due. */
  overdue90: bigint;
  unappliedCredits: bigint;
}

export type SeedSummary =
  | { seeded: false; reason: string }
  | {
      seeded: true;
      referenceDate: string;
      durationMs: number;
      counts: SeedCounts;
      legalEntities: { code: string; name: string; currency: string }[];
      balances: CurrencyBalance[];
      staff: { email: string; name: string; roles: string[] }[];
      staffPassword: string;
      portal: DemoPortalSignIn;
    };

const NOT_EMPTY =
  "The database already has data (a legal entity exists); the demo seed only fills an empty one.";

/** Seeds the domain's database (or `databaseUrl`) when it is empty. */
export async function seedDemo(databaseUrl?: string, options: SeedDemoOptions = {}): Promise<SeedSummary> {
  if (databaseUrl) configureDatabase(databaseUrl);
  return seedDemoInto(getDb(), options);
}

/** The same, into a given client (tests seed a second database side by side). */
export async function seedDemoInto(db: Db, options: SeedDemoOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  // Cheap check first, so a non-empty database costs no generation or hashing.
  if ((await db.legalEntity.count()) > 0) return { seeded: false, reason: NOT_EMPTY };

  const book = buildDemoBook({ referenceDate: options.referenceDate });
  // Hash outside the transaction (argon2 is deliberately slow); one salt per user.
  const hashes = await Promise.all(book.staff.map(() => hashPassword(DEMO_PASSWORD)));

  const inserted = await db.$transaction(
    async (tx) => {
      // Serialises concurrent seeds: the second waits here, then finds the data and stops.
      await tx.$executeRaw`LOCK TABLE legal_entity IN SHARE ROW EXCLUSIVE MODE`;
      if ((await tx.legalEntity.count()) > 0) return false;

      await tx.legalEntity.createMany({ data: book.legalEntities });
      await tx.staffUser.createMany({
        data: book.staff.map((s, i) => ({ ...s, passwordHash: hashes[i] ?? "" })),
      });
      // Parents come before their children in the list, and each chunk is one statement.
      await inChunks(book.customers, 14, (data) => tx.customer.createMany({ data }));
      await inChunks(book.contacts, 8, (data) => tx.contact.createMany({ data }));
      await tx.portalUser.createMany({ data: book.portalUsers });
      await tx.portalMembership.createMany({ data: book.memberships });
      // The big tables go in as one INSERT ... SELECT FROM unnest(arrays) each: far faster than
      // createMany's bind-parameter rows, and still plain parameterised SQL.
      await insertUnnest(tx, "open_item", OPEN_ITEM_COLUMNS, book.items);
      await insertUnnest(tx, "invoice_line", INVOICE_LINE_COLUMNS, book.lines);
      await insertUnnest(tx, "application", APPLICATION_COLUMNS, book.applications);
      // Card payments continue each legal entity's receipt numbering (RCT-…, REC-…, ZE-…).
      await startReceiptNumbering(tx);
      await seedDemoDisputes(tx, book);

      const counts = countBook(book);
      await appendAudit(tx, systemActor("seed"), {
        action: "seed.load",
        entityType: "database",
        entityId: "demo",
        after: {
          seed: DEMO_SEED,
          referenceDate: isoDate(book.referenceDate),
          historyDays: HISTORY_DAYS,
          ...counts,
        },
      });
      return true;
    },
    { timeout: 180_000, maxWait: 30_000 },
  );
  if (!inserted) return { seeded: false, reason: NOT_EMPTY };

  return {
    seeded: true,
    referenceDate: isoDate(book.referenceDate),
    durationMs: Math.round(performance.now() - started),
    counts: countBook(book),
    legalEntities: book.legalEntities.map((e) => ({ code: e.code, name: e.name, currency: e.currency })),
    balances: balancesOf(book),
    staff: book.staff.map((s) => ({ email: s.email, name: s.name, roles: s.roles })),
    staffPassword: DEMO_PASSWORD,
    portal: book.demoPortal,
  };
}

// PostgreSQL takes at most 65,535 bind parameters per statement: size chunks by column count.
async function inChunks<T>(rows: readonly T[], columns: number, insert: (chunk: T[]) => Promise<unknown>) {
  const size = Math.floor(60_000 / columns);
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

type Column<T> = [name: string, pgType: string, value: (row: T) => string | number | null];

/** One statement per table; bigints travel as decimal strings and are cast by PostgreSQL. */
async function insertUnnest<T>(
  tx: Tx,
  table: string,
  columns: Column<T>[],
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const values = columns.map(([, , value]) => rows.map(value));
  await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`, ...values);
}

const OPEN_ITEM_COLUMNS: Column<OpenItemRow>[] = [
  ["id", "uuid", (r) => r.id],
  ["customer_id", "uuid", (r) => r.customerId],
  ["legal_entity_id", "uuid", (r) => r.legalEntityId],
  ["kind", "item_kind", (r) => r.kind],
  ["number", "text", (r) => r.number],
  ["currency", "text", (r) => r.currency],
  ["amount", "bigint", (r) => r.amount.toString()],
  ["open_amount", "bigint", (r) => r.openAmount.toString()],
  ["document_date", "date", (r) => isoDate(r.documentDate)],
  ["due_date", "date", (r) => (r.dueDate ? isoDate(r.dueDate) : null)],
  ["reference", "text", (r) => r.reference],
  ["po_number", "text", (r) => r.poNumber],
  ["description", "text", (r) => r.description],
  ["payment_method", "payment_method", (r) => r.paymentMethod],
  ["created_by_id", "text", (r) => r.createdById],
  ["created_at", "timestamptz", (r) => r.createdAt.toISOString()],
];

const INVOICE_LINE_COLUMNS: Column<InvoiceLineRow>[] = [
  ["id", "uuid", (r) => r.id],
  ["item_id", "uuid", (r) => r.itemId],
  ["line_no", "int", (r) => r.lineNo],
  ["sku", "text", (r) => r.sku],
  ["description", "text", (r) => r.description],
  ["quantity_milli", "bigint", (r) => r.quantityMilli.toString()],
  ["unit_price", "bigint", (r) => r.unitPrice.toString()],
  ["tax_rate_bp", "int", (r) => r.taxRateBp],
  ["net_amount", "bigint", (r) => r.netAmount.toString()],
  ["tax_amount", "bigint", (r) => r.taxAmount.toString()],
];

const APPLICATION_COLUMNS: Column<ApplicationRow>[] = [
  ["id", "uuid", (r) => r.id],
  ["kind", "application_kind", (r) => r.kind],
  ["customer_id", "uuid", (r) => r.customerId],
  ["credit_item_id", "uuid", (r) => r.creditItemId],
  ["debit_item_id", "uuid", (r) => r.debitItemId],
  ["currency", "text", (r) => r.currency],
  ["amount", "bigint", (r) => r.amount.toString()],
  ["actor_type", "text", (r) => r.actorType],
  ["actor_id", "text", (r) => r.actorId],
  ["created_at", "timestamptz", (r) => r.createdAt.toISOString()],
];

function countBook(book: DemoBook): SeedCounts {
  const ofKind = (kind: string) => book.items.filter((i) => i.kind === kind).length;
  return {
    legalEntities: book.legalEntities.length,
    staffUsers: book.staff.length,
    customers: book.customers.length,
    childAccounts: book.customers.filter((c) => c.parentId).length,
    contacts: book.contacts.length,
    portalUsers: book.portalUsers.length,
    portalMemberships: book.memberships.length,
    invoices: ofKind("INVOICE"),
    invoiceLines: book.lines.length,
    payments: ofKind("PAYMENT"),
    creditMemos: ofKind("CREDIT_MEMO"),
    applications: book.applications.length,
  };
}

function balancesOf(book: DemoBook): CurrencyBalance[] {
  const cutoff = book.referenceDate.getTime() - 90 * 86_400_000;
  const byCurrency = new Map<string, CurrencyBalance>();
  for (const e of book.legalEntities) {
    byCurrency.set(e.currency, { currency: e.currency, net: 0n, overdue90: 0n, unappliedCredits: 0n });
  }
  for (const item of book.items) {
    const b = byCurrency.get(item.currency);
    if (!b || item.openAmount === 0n) continue;
    if (item.kind === "INVOICE") {
      b.net += item.openAmount;
      if (item.dueDate && item.dueDate.getTime() < cutoff) b.overdue90 += item.openAmount;
    } else {
      b.net -= item.openAmount;
      b.unappliedCredits += item.openAmount;
    }
  }
  return [...byCurrency.values()];
}

const n = (value: number) => value.toLocaleString("en-US");

/** The console report: what was loaded and how to sign in. */
export function formatSeedSummary(summary: SeedSummary): string {
  if (!summary.seeded) return `Demo seed skipped: ${summary.reason}`;
  const { counts: c } = summary;
  const label = (text: string) => `  ${text.padEnd(16)}`;
  const emailWidth = Math.max(...summary.staff.map((s) => s.email.length)) + 2;
  const rolesWidth = Math.max(...summary.staff.map((s) => s.roles.join(", ").length)) + 2;
  return [
    `Demo book seeded in ${(summary.durationMs / 1000).toFixed(1)} s (today = ${summary.referenceDate}; fixed seed: same documents and amounts every run)`,
    `${label("Legal entities")}${summary.legalEntities.map((e) => `${e.name} (${e.currency})`).join(", ")}`,
    `${label("Customers")}${n(c.customers)} (${n(c.childAccounts)} child accounts), ${n(c.contacts)} contacts`,
    `${label("Users")}${n(c.staffUsers)} staff, ${n(c.portalUsers)} portal users (${n(c.portalMemberships)} account links)`,
    `${label("Documents")}${n(c.invoices)} invoices (${n(c.invoiceLines)} lines), ${n(c.payments)} payments, ${n(c.creditMemos)} credit memos, ${n(c.applications)} applications`,
    ...summary.balances.map(
      (b) =>
        `${label(`Open ${b.currency}`)}${formatMoney(b.net, b.currency)} net; ${formatMoney(b.overdue90, b.currency)} over 90 days past due; ${formatMoney(b.unappliedCredits, b.currency)} unapplied credits`,
    ),
    "",
    `Back office sign-in, password "${summary.staffPassword}":`,
    ...summary.staff.map(
      (s) => `  ${s.email.padEnd(emailWidth)}${s.roles.join(", ").padEnd(rolesWidth)}${s.name}`,
    ),
    "",
    "Portal sign-in by e-mailed one-time code (read it in the back office dev mailbox):",
    `  ${summary.portal.email}`,
    ...summary.portal.accounts.map((a) => `    ${a.accountNumber}  ${a.role.padEnd(7)} ${a.name}`),
  ].join("\n");
}

// `tsx packages/domain/src/seed/seed-demo.ts` seeds DATABASE_URL and prints the summary.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(formatSeedSummary(await seedDemo()));
  } finally {
    await disconnectDb();
  }
}
