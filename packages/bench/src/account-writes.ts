/**
 * A ledger write to the big customer's account between measurements, through the domain's own
 * commands (the same locks, open amounts and audit as cash application): a cent of a bench credit
 * memo applied to the customer's oldest open invoice, or that application reversed again. Every
 * page the bench measures shows a figure the write changes (balances, aging, open amounts), so an
 * answer kept from before a write would show as stale in the page cases' check.
 */
import { systemActor } from "@settle/domain/actor";
import { configureDatabase, getDb } from "@settle/domain/db/client";
import { applyCredit } from "@settle/domain/ledger/apply-credit";
import { recordCredit } from "@settle/domain/ledger/record-credit";
import { reverseApplication } from "@settle/domain/ledger/reverse-application";
import type { BenchDataset } from "./generate.ts";

const actor = systemActor("settle-bench");
/** The bench's own credit memo on the big customer (created once, found by its idempotency key). */
const CREDIT_KEY = "settle-bench-writes-credit";
const CREDIT_AMOUNT = 100_000_000n;

export interface WriteTarget {
  customerId: string;
  /** The oldest open invoice of the big customer itself (not a child account). */
  invoiceId: string;
  invoiceNumber: string;
  creditId: string;
}

let target: Promise<WriteTarget> | undefined;

/** What the writes touch: found (and the credit memo created) once per bench process. */
export function writeTarget(databaseUrl: string, dataset: BenchDataset): Promise<WriteTarget> {
  target ??= findTarget(databaseUrl, dataset);
  return target;
}

async function findTarget(databaseUrl: string, dataset: BenchDataset): Promise<WriteTarget> {
  configureDatabase(databaseUrl);
  const db = getDb();
  const customerId = dataset.bigCustomerId;
  const invoice = await db.openItem.findFirst({
    where: { customerId, kind: "INVOICE", openAmount: { gt: 1n } },
    orderBy: [{ documentDate: "asc" }, { number: "asc" }],
    select: { id: true, number: true, currency: true },
  });
  if (!invoice) throw new Error("The big customer has no open invoice to write to.");
  const credit = await recordCredit(
    {
      customerId,
      kind: "CREDIT_MEMO",
      number: "CM-BENCH-WRITES",
      currency: invoice.currency.trim(),
      amount: CREDIT_AMOUNT,
      documentDate: new Date("2020-01-01T00:00:00Z"),
      description: "Benchmark writes between measurements",
      idempotencyKey: CREDIT_KEY,
    },
    actor,
  );
  return { customerId, invoiceId: invoice.id, invoiceNumber: invoice.number, creditId: credit.id };
}

/**
 * One write: applies a cent of the bench credit to the target invoice, or reverses the bench's
 * active application when there is one, so the account swings between two states and the book
 * does not drift from run to run.
 */
export async function writeToAccount(databaseUrl: string, dataset: BenchDataset): Promise<void> {
  const { invoiceId, creditId } = await writeTarget(databaseUrl, dataset);
  const db = getDb();
  const active = await db.application.findFirst({
    where: { creditItemId: creditId, debitItemId: invoiceId, kind: "APPLY", reversedBy: { is: null } },
    select: { id: true },
  });
  if (active) {
    await reverseApplication({ applicationId: active.id, reason: "Benchmark write" }, actor);
  } else {
    await applyCredit({ creditItemId: creditId, debitItemId: invoiceId, amount: 1n }, actor);
  }
}
