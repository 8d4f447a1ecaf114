/**
 * Ledger writes to the big customer's account between measurements, through the domain's own
 * commands (the same locks, open amounts and audit as cash application): a cent of a bench credit
 * memo applied to one of the customer's oldest open invoices, then that application reversed,
 * then the next invoice. Every page the bench measures shows a figure these change (balances,
 * aging, open amounts, an invoice's payment history), so an answer kept from before a write would
 * show as stale in the page cases' check.
 *
 * Each bench process starts from the same book: the previous runs' bench credit memo, its
 * applications and their audit events are removed first (the append-only triggers lifted inside
 * that one transaction, as a migration would), and the invoices get their cents back.
 */
import { systemActor } from "@settle/domain/actor";
import { configureDatabase, getDb } from "@settle/domain/db/client";
import { applyCredit } from "@settle/domain/ledger/apply-credit";
import { recordCredit } from "@settle/domain/ledger/record-credit";
import { reverseApplication } from "@settle/domain/ledger/reverse-application";
import type { BenchDataset } from "./generate.ts";

const actor = systemActor("settle-bench");
const CREDIT_NUMBER = "CM-BENCH-WRITES";
const CREDIT_AMOUNT = 100_000_000n;
/** Writes go round this many of the oldest open invoices, so none collects a long history. */
const ROTATION = 100;

interface WriteState {
  creditId: string;
  invoiceIds: string[];
  /** Writes done by this process: even ones apply, odd ones reverse the application before. */
  done: number;
  lastApplicationId: string | null;
}

let state: Promise<WriteState> | undefined;

function prepared(databaseUrl: string, dataset: BenchDataset): Promise<WriteState> {
  state ??= prepare(databaseUrl, dataset);
  return state;
}

async function prepare(databaseUrl: string, dataset: BenchDataset): Promise<WriteState> {
  configureDatabase(databaseUrl);
  const db = getDb();
  const customerId = dataset.bigCustomerId;
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("ALTER TABLE application DISABLE TRIGGER application_append_only");
    await tx.$executeRawUnsafe("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
    await tx.$executeRaw`
      CREATE TEMP TABLE bench_old ON COMMIT DROP AS
      SELECT a.id, a.kind, a.debit_item_id, a.amount
        FROM application a JOIN open_item c ON c.id = a.credit_item_id
       WHERE c.customer_id = ${customerId}::uuid AND c.number = ${CREDIT_NUMBER}`;
    await tx.$executeRaw`
      UPDATE open_item i SET open_amount = i.open_amount + d.applied
        FROM (SELECT debit_item_id, SUM(CASE WHEN kind = 'APPLY' THEN amount ELSE -amount END) AS applied
                FROM bench_old GROUP BY debit_item_id) d
       WHERE i.id = d.debit_item_id`;
    await tx.$executeRaw`
      DELETE FROM audit_event
       WHERE (entity_type = 'application' AND entity_id IN (SELECT id::text FROM bench_old))
          OR (entity_type = 'open_item' AND entity_id IN (
                SELECT id::text FROM open_item WHERE customer_id = ${customerId}::uuid AND number = ${CREDIT_NUMBER}))`;
    await tx.$executeRaw`DELETE FROM application WHERE id IN (SELECT id FROM bench_old)`;
    await tx.$executeRaw`DELETE FROM open_item WHERE customer_id = ${customerId}::uuid AND number = ${CREDIT_NUMBER}`;
    await tx.$executeRawUnsafe("ALTER TABLE application ENABLE TRIGGER application_append_only");
    await tx.$executeRawUnsafe("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
  });
  const invoices = await db.openItem.findMany({
    where: { customerId, kind: "INVOICE", openAmount: { gt: 1n } },
    orderBy: [{ documentDate: "asc" }, { number: "asc" }],
    take: ROTATION,
    select: { id: true, currency: true },
  });
  const first = invoices[0];
  if (!first) throw new Error("The big customer has no open invoice to write to.");
  const credit = await recordCredit(
    {
      customerId,
      kind: "CREDIT_MEMO",
      number: CREDIT_NUMBER,
      currency: first.currency.trim(),
      amount: CREDIT_AMOUNT,
      documentDate: new Date("2020-01-01T00:00:00Z"),
      description: "Benchmark writes between measurements",
    },
    actor,
  );
  return { creditId: credit.id, invoiceIds: invoices.map((i) => i.id), done: 0, lastApplicationId: null };
}

const pairInvoice = (s: WriteState) => s.invoiceIds[Math.floor(s.done / 2) % s.invoiceIds.length] as string;

/**
 * The invoice the writes are at: the one whose application the next write reverses, or the one
 * the next write applies to. Its page changes with the next write.
 */
export async function currentInvoiceId(databaseUrl: string, dataset: BenchDataset): Promise<string> {
  return pairInvoice(await prepared(databaseUrl, dataset));
}

/** One write: a cent applied to the current invoice, or that application reversed. */
export async function writeToAccount(databaseUrl: string, dataset: BenchDataset): Promise<void> {
  const s = await prepared(databaseUrl, dataset);
  if (s.done % 2 === 0) {
    const applied = await applyCredit(
      { creditItemId: s.creditId, debitItemId: pairInvoice(s), amount: 1n },
      actor,
    );
    s.lastApplicationId = applied.id;
  } else if (s.lastApplicationId) {
    await reverseApplication({ applicationId: s.lastApplicationId, reason: "Benchmark write" }, actor);
    s.lastApplicationId = null;
  }
  s.done += 1;
}
