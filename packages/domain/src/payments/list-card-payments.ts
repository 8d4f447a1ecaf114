import { z } from "zod";
import { type Actor, requireStaff } from "../actor.ts";
import { getDb, type Prisma } from "../db/client.ts";
import type { PaymentAttemptStatus } from "../db/generated/enums.ts";

export const CARD_PAYMENT_STATUSES = ["OPEN", "PROCESSING", "SUCCEEDED", "FAILED", "CANCELED"] as const;
export const CARD_PAYMENTS_PAGE_SIZE = 50;

// URL values a person may edit by hand: nonsense falls back to the default.
export const ListCardPaymentsSchema = z.object({
  /** Customer name or account number (any part), or a Stripe id (pi_…, cs_…) or receipt number. */
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.string().optional().pipe(z.enum(CARD_PAYMENT_STATUSES).optional().catch(undefined)),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type ListCardPaymentsInput = z.input<typeof ListCardPaymentsSchema>;

export interface CardPaymentRow {
  id: string;
  createdAt: Date;
  completedAt: Date | null;
  status: PaymentAttemptStatus;
  currency: string;
  amount: bigint;
  customer: { id: string; name: string; accountNumber: string };
  payer: { name: string; email: string };
  invoiceCount: number;
  receiptNumber: string | null;
  /** What of the payment is still unapplied (flagged for cash application). */
  unapplied: bigint;
  paymentIntentId: string | null;
  failureMessage: string | null;
}

export interface CardPaymentList {
  q: string | undefined;
  status: PaymentAttemptStatus | undefined;
  page: number;
  pageCount: number;
  total: number;
  /** Payments per status for the current search (the status tabs' counts). */
  byStatus: Record<PaymentAttemptStatus, number>;
  rows: CardPaymentRow[];
}

/**
 * The back office's card payments, newest first: every attempt a portal payer made through Stripe
 * Checkout, with its outcome. AR staff only.
 */
export async function listCardPayments(
  rawInput: ListCardPaymentsInput,
  actor: Actor,
): Promise<CardPaymentList> {
  requireStaff(actor);
  const input = ListCardPaymentsSchema.parse(rawInput);
  const db = getDb();
  const q = input.q || undefined;
  const search: Prisma.PaymentAttemptWhereInput = q
    ? {
        OR: [
          { customer: { name: { contains: q, mode: "insensitive" } } },
          { customer: { accountNumber: { contains: q, mode: "insensitive" } } },
          { paymentIntentId: q },
          { checkoutSessionId: q },
          { paymentItem: { number: { equals: q, mode: "insensitive" } } },
        ],
      }
    : {};
  const where: Prisma.PaymentAttemptWhereInput = input.status ? { ...search, status: input.status } : search;

  const [counts, total] = await Promise.all([
    db.paymentAttempt.groupBy({ by: ["status"], where: search, _count: { _all: true } }),
    db.paymentAttempt.count({ where }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / CARD_PAYMENTS_PAGE_SIZE));
  const rows = await db.paymentAttempt.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (input.page - 1) * CARD_PAYMENTS_PAGE_SIZE,
    take: CARD_PAYMENTS_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      completedAt: true,
      status: true,
      currency: true,
      amount: true,
      paymentIntentId: true,
      failureMessage: true,
      customer: { select: { id: true, name: true, accountNumber: true } },
      createdBy: { select: { name: true, email: true } },
      paymentItem: { select: { number: true, openAmount: true } },
      _count: { select: { allocations: true } },
    },
  });

  const byStatus = Object.fromEntries(CARD_PAYMENT_STATUSES.map((s) => [s, 0])) as Record<
    PaymentAttemptStatus,
    number
  >;
  for (const c of counts) byStatus[c.status] = c._count._all;

  return {
    q,
    status: input.status,
    page: input.page,
    pageCount,
    total,
    byStatus,
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      completedAt: r.completedAt,
      status: r.status,
      currency: r.currency.trim(),
      amount: r.amount,
      customer: r.customer,
      payer: r.createdBy,
      invoiceCount: r._count.allocations,
      receiptNumber: r.paymentItem?.number ?? null,
      unapplied: r.paymentItem?.openAmount ?? 0n,
      paymentIntentId: r.paymentIntentId,
      failureMessage: r.failureMessage,
    })),
  };
}
