import type { Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { BILLED_KINDS } from "../ledger/item-kinds.ts";
import { planReopening, type ReopenableApplication, type ReopeningPlan } from "../ledger/plan-reopening.ts";
import { minBig, sumAmounts, toDecimalString } from "../money/money.ts";
import { LIVE_REFUND_STATUSES, UUID } from "./refund-forms.ts";

/** An invoice a payment paid, as the refund form lists it (most recently paid first). */
export interface ReopenOption {
  invoiceId: string;
  number: string;
  /** What the payment has applied to it now. */
  applied: bigint;
  /** When the payment was (last) applied to it. */
  appliedAt: Date;
}

/** What a refund will reopen: each invoice with the amount it will be open again by. */
export interface RefundReopen {
  invoiceId: string;
  number: string;
  amount: bigint;
}

/**
 * What a new refund of the payment can still take: its unapplied remainder and its active
 * applications to invoices, debit memos and fees (newest first, the order a refund without a
 * choice reopens them), less what refunds asked for but not yet settled will take (their stored
 * plans), and the invoices they pay, most recently paid first.
 */
export async function reopenableInvoices(
  t: Tx,
  payment: { id: string; openAmount: bigint },
): Promise<{ unapplied: bigint; applications: ReopenableApplication[]; options: ReopenOption[] }> {
  const [rows, unsettled] = await Promise.all([
    t.application.findMany({
      where: {
        creditItemId: payment.id,
        kind: "APPLY",
        reversedBy: null,
        debitItem: { kind: { in: [...BILLED_KINDS] } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, amount: true, createdAt: true, debitItem: { select: { id: true, number: true } } },
    }),
    t.refund.findMany({
      where: { paymentItemId: payment.id, status: { in: [...LIVE_REFUND_STATUSES] }, refundItemId: null },
      select: { amount: true, reopenings: { select: { itemId: true, amount: true } } },
    }),
  ]);
  // Settling reverses each invoice's newest applications first: reserve them in that order.
  const reserved = new Map<string, bigint>();
  let reservedRemainder = 0n;
  for (const r of unsettled) {
    reservedRemainder += r.amount - sumAmounts(r.reopenings.map((l) => l.amount));
    for (const l of r.reopenings) reserved.set(l.itemId, (reserved.get(l.itemId) ?? 0n) + l.amount);
  }
  const applications: ReopenableApplication[] = [];
  const options = new Map<string, ReopenOption>();
  for (const r of rows) {
    const held = reserved.get(r.debitItem.id) ?? 0n;
    const taken = minBig(held, r.amount);
    reserved.set(r.debitItem.id, held - taken);
    const amount = r.amount - taken;
    if (amount <= 0n) continue;
    applications.push({ id: r.id, invoiceId: r.debitItem.id, amount });
    const option = options.get(r.debitItem.id);
    if (option) option.applied += amount;
    else
      options.set(r.debitItem.id, {
        invoiceId: r.debitItem.id,
        number: r.debitItem.number,
        applied: amount,
        appliedAt: r.createdAt,
      });
  }
  const unapplied = payment.openAmount - reservedRemainder;
  return { unapplied: unapplied > 0n ? unapplied : 0n, applications, options: [...options.values()] };
}

/**
 * The request's plan: the unapplied remainder first, then the invoices staff chose, in order
 * (none chosen: the most recent application first). A choice of an invoice this payment did not
 * pay, or one that holds too little, is refused on the form's `reopen` field. Returns the lines to
 * store on the refund: every chosen invoice in order (0 where the remainder covered it), so that
 * approving and settling it reverse exactly these, in this order.
 */
export async function planRefundReopening(
  t: Tx,
  payment: { id: string; openAmount: bigint; currency: string },
  amount: bigint,
  chosen: readonly string[],
): Promise<{ plan: ReopeningPlan; lines: RefundReopen[] }> {
  const { unapplied, applications, options } = await reopenableInvoices(t, payment);
  const byId = new Map(options.map((o) => [o.invoiceId, o]));
  const ids = [...new Set(chosen.map((id) => id.toLowerCase()))];
  for (const id of ids) {
    if (!UUID.test(id) || !byId.has(id)) {
      throw new DomainError("VALIDATION", "Choose invoices this payment paid.", {
        field: "reopen",
        reason: "not-paid-by-payment",
      });
    }
  }
  const plan = planReopening({ amount, unapplied, applications, chosen: ids });
  if (ids.length > 0 && plan.beyondChoice > 0n) {
    const held = ids.reduce((sum, id) => sum + byId.get(id)!.applied, unapplied);
    throw new DomainError(
      "VALIDATION",
      `The chosen invoices and the unapplied remainder hold ${toDecimalString(held, payment.currency)} ${payment.currency}; choose more invoices.`,
      {
        field: "reopen",
        reason: "choice-too-small",
        most: toDecimalString(held, payment.currency),
        currency: payment.currency,
      },
    );
  }
  const reopened = new Map(plan.invoices.map((i) => [i.invoiceId, i.amount]));
  const order = ids.length > 0 ? ids : plan.invoices.map((i) => i.invoiceId);
  const lines = order.map((invoiceId) => ({
    invoiceId,
    number: byId.get(invoiceId)!.number,
    amount: reopened.get(invoiceId) ?? 0n,
  }));
  return { plan, lines };
}

/** The invoices each refund reopens (as its request showed them), in order, only those it reopens. */
export async function refundReopens(
  t: Tx,
  refundIds: readonly string[],
): Promise<Map<string, RefundReopen[]>> {
  const rows = refundIds.length
    ? await t.refundReopening.findMany({
        where: { refundId: { in: [...refundIds] }, amount: { gt: 0n } },
        orderBy: [{ refundId: "asc" }, { position: "asc" }],
        select: { refundId: true, itemId: true, amount: true, item: { select: { number: true } } },
      })
    : [];
  const byRefund = new Map<string, RefundReopen[]>();
  for (const r of rows) {
    const list = byRefund.get(r.refundId) ?? [];
    list.push({ invoiceId: r.itemId, number: r.item.number, amount: r.amount });
    byRefund.set(r.refundId, list);
  }
  return byRefund;
}

/** The invoices a refund's request chose, in order, with the amounts it showed. */
export async function storedReopenLines(
  t: Tx,
  refundId: string,
): Promise<{ itemId: string; amount: bigint }[]> {
  return t.refundReopening.findMany({
    where: { refundId },
    orderBy: { position: "asc" },
    select: { itemId: true, amount: true },
  });
}
