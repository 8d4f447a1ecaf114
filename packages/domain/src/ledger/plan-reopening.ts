// No database code here: the back office's refund form imports this to show, before it is sent,
// which invoices a refund will open again.
import { minBig } from "../money/money.ts";

/** One active application of a credit (payment) to an invoice, debit memo or fee. */
export interface ReopenableApplication {
  id: string;
  /** The invoice (debit item) it pays. */
  invoiceId: string;
  amount: bigint;
}

export interface ReopeningRequest {
  /** How much of the credit must be freed (the refund's amount). */
  amount: bigint;
  /** What the credit has not applied yet: taken first. */
  unapplied: bigint;
  /** The credit's active applications, newest first. */
  applications: readonly ReopenableApplication[];
  /**
   * The invoices staff chose to reopen, in the order they are reopened. Empty: the most recent
   * applications first. Applications to other invoices are touched only when the chosen ones do
   * not hold enough (see `beyondChoice`).
   */
  chosen: readonly string[];
}

export interface PlannedReversal {
  applicationId: string;
  invoiceId: string;
  /** Taken off the application: the invoice is open again by this much. */
  reopened: bigint;
  /** What is left of the application, applied again to the same invoice after the reversal. */
  reapplied: bigint;
}

export interface ReopeningPlan {
  /** Taken from the credit's unapplied remainder. */
  fromUnapplied: bigint;
  reversals: PlannedReversal[];
  /** What each invoice reopens by, in the order of the plan (one line per invoice). */
  invoices: { invoiceId: string; amount: bigint }[];
  /** Reopened on invoices that were not chosen, because the chosen ones did not hold enough. */
  beyondChoice: bigint;
  /** What neither the remainder nor any application could free. */
  short: bigint;
}

/**
 * Which applications a refund reverses, and by how much: the unapplied remainder first, then the
 * chosen invoices in their order (each invoice's newest application first), then (only if still
 * short) the other applications, newest first. An application larger than what is still missing
 * is reversed whole and its remainder re-applied, so each invoice reopens by exactly the amount
 * taken. Pure: the caller reads the ledger under its locks and writes what this says.
 */
export function planReopening(request: ReopeningRequest): ReopeningPlan {
  const amount = request.amount > 0n ? request.amount : 0n;
  const fromUnapplied = minBig(amount, request.unapplied > 0n ? request.unapplied : 0n);
  let missing = amount - fromUnapplied;
  const chosenRank = new Map<string, number>();
  for (const id of request.chosen) if (!chosenRank.has(id)) chosenRank.set(id, chosenRank.size);
  const chosen = request.applications
    .filter((a) => chosenRank.has(a.invoiceId))
    // A stable sort keeps each invoice's applications newest first.
    .sort((a, b) => chosenRank.get(a.invoiceId)! - chosenRank.get(b.invoiceId)!);
  const others = request.applications.filter((a) => !chosenRank.has(a.invoiceId));

  const reversals: PlannedReversal[] = [];
  const byInvoice = new Map<string, bigint>();
  let beyondChoice = 0n;
  const take = (application: ReopenableApplication, isChosen: boolean) => {
    if (missing <= 0n || application.amount <= 0n) return;
    const reopened = minBig(application.amount, missing);
    reversals.push({
      applicationId: application.id,
      invoiceId: application.invoiceId,
      reopened,
      reapplied: application.amount - reopened,
    });
    byInvoice.set(application.invoiceId, (byInvoice.get(application.invoiceId) ?? 0n) + reopened);
    if (!isChosen) beyondChoice += reopened;
    missing -= reopened;
  };
  for (const application of chosen) take(application, true);
  // With no choice, the default is the most recent application first: nothing goes beyond it.
  for (const application of others) take(application, request.chosen.length === 0);

  return {
    fromUnapplied,
    reversals,
    invoices: [...byInvoice].map(([invoiceId, reopened]) => ({ invoiceId, amount: reopened })),
    beyondChoice,
    short: missing,
  };
}

/** The invoice a refund reopens when staff choose nothing else: the most recent application's. */
export function defaultReopenChoice(applications: readonly ReopenableApplication[]): string[] {
  const newest = applications[0];
  return newest ? [newest.invoiceId] : [];
}
