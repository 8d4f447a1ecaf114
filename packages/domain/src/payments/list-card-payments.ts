import { z } from "zod";
import { type Actor, requireStaff } from "../actor.ts";
import { likeLiteral, SearchText } from "../base/search-text.ts";
import { getDb, type Prisma } from "../db/client.ts";
import type { ChargebackStatus, PaymentAttemptSource, PaymentAttemptStatus } from "../db/generated/enums.ts";
import { sumAmounts } from "../money/money.ts";
import {
  CARD_PAYMENT_CHARGEBACK_FILTERS,
  CARD_PAYMENT_REFUND_FILTERS,
  CARD_PAYMENT_SOURCES,
  CARD_PAYMENT_STATUSES,
  CARD_PAYMENTS_PAGE_SIZE,
} from "./card-payment-filters.ts";

export {
  CARD_PAYMENT_CHARGEBACK_FILTERS,
  CARD_PAYMENT_REFUND_FILTERS,
  CARD_PAYMENT_SOURCES,
  CARD_PAYMENT_STATUSES,
  CARD_PAYMENTS_PAGE_SIZE,
};

export type CardPaymentRefundState = "none" | "partial" | "full";

// URL values a person may edit by hand: nonsense falls back to the default.
export const ListCardPaymentsSchema = z.object({
  /** Customer name or account number (any part), or a Stripe id (pi_…, cs_…) or receipt number. */
  q: SearchText(100),
  status: z.string().optional().pipe(z.enum(CARD_PAYMENT_STATUSES).optional().catch(undefined)),
  refund: z.string().optional().pipe(z.enum(CARD_PAYMENT_REFUND_FILTERS).optional().catch(undefined)),
  chargeback: z.string().optional().pipe(z.enum(CARD_PAYMENT_CHARGEBACK_FILTERS).optional().catch(undefined)),
  source: z.string().optional().pipe(z.enum(CARD_PAYMENT_SOURCES).optional().catch(undefined)),
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
  /** Portal payer or the autopay job. */
  source: PaymentAttemptSource;
  /** What Stripe has refunded (succeeded refunds), and whether that is part or all of it. */
  refunded: bigint;
  refundState: CardPaymentRefundState;
  /** Refunds asked for or sent that Stripe has not settled yet. */
  refundPending: bigint;
  /** The latest chargeback's status, if the payment has one. */
  chargeback: ChargebackStatus | null;
}

export interface CardPaymentList {
  q: string | undefined;
  status: PaymentAttemptStatus | undefined;
  refund: (typeof CARD_PAYMENT_REFUND_FILTERS)[number] | undefined;
  chargeback: (typeof CARD_PAYMENT_CHARGEBACK_FILTERS)[number] | undefined;
  source: PaymentAttemptSource | undefined;
  page: number;
  pageCount: number;
  total: number;
  /** Payments per status for the current search and filters (the status tabs' counts). */
  byStatus: Record<PaymentAttemptStatus, number>;
  rows: CardPaymentRow[];
}

/**
 * The back office's card payments, newest first: every attempt a portal payer made through Stripe
 * Checkout or autopay charged, with its outcome, refunds and chargebacks. Filters by status (the
 * tabs), refund state, chargeback state and source. AR staff only.
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
          { customer: { name: { contains: likeLiteral(q), mode: "insensitive" } } },
          { customer: { accountNumber: { contains: likeLiteral(q), mode: "insensitive" } } },
          { paymentIntentId: q },
          { checkoutSessionId: q },
          { paymentItem: { number: { equals: likeLiteral(q), mode: "insensitive" } } },
        ],
      }
    : {};
  const filters: Prisma.PaymentAttemptWhereInput[] = [search];
  if (input.source) filters.push({ source: input.source });
  if (input.chargeback) {
    filters.push({
      paymentItem: {
        chargebacks: { some: input.chargeback === "any" ? {} : { status: input.chargeback } },
      },
    });
  }
  if (input.refund) filters.push({ id: { in: await refundedAttempts(input.refund) } });
  const filtered: Prisma.PaymentAttemptWhereInput = { AND: filters };
  const where: Prisma.PaymentAttemptWhereInput = input.status
    ? { AND: [...filters, { status: input.status }] }
    : filtered;

  const [counts, total] = await Promise.all([
    db.paymentAttempt.groupBy({ by: ["status"], where: filtered, _count: { _all: true } }),
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
      source: true,
      paymentItem: {
        select: {
          number: true,
          amount: true,
          openAmount: true,
          refunds: {
            where: { status: { in: ["SUCCEEDED", "PENDING_APPROVAL", "APPROVED", "PENDING"] } },
            select: { status: true, amount: true },
          },
          chargebacks: {
            orderBy: [{ openedAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { status: true },
          },
        },
      },
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
    refund: input.refund,
    chargeback: input.chargeback,
    source: input.source,
    page: input.page,
    pageCount,
    total,
    byStatus,
    rows: rows.map((r) => {
      const refunds = r.paymentItem?.refunds ?? [];
      const refunded = sumAmounts(refunds.filter((f) => f.status === "SUCCEEDED").map((f) => f.amount));
      const paid = r.paymentItem?.amount ?? r.amount;
      return {
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
        source: r.source,
        refunded,
        refundState: refunded === 0n ? "none" : refunded >= paid ? "full" : "partial",
        refundPending: sumAmounts(refunds.filter((f) => f.status !== "SUCCEEDED").map((f) => f.amount)),
        chargeback: r.paymentItem?.chargebacks[0]?.status ?? null,
      };
    }),
  };
}

/**
 * Attempts whose payment Stripe has refunded (succeeded refunds): in part, in full, or either.
 * Refunded payments are few, so the ids are a short list for the page's query.
 */
async function refundedAttempts(filter: (typeof CARD_PAYMENT_REFUND_FILTERS)[number]): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT a.id
      FROM payment_attempt a
      JOIN open_item p ON p.id = a.payment_item_id
      JOIN refund r ON r.payment_item_id = p.id AND r.status = 'SUCCEEDED'
     GROUP BY a.id, p.amount
    HAVING ${filter} = 'any'
        OR (${filter} = 'full' AND sum(r.amount) >= p.amount)
        OR (${filter} = 'partial' AND sum(r.amount) < p.amount)`;
  return rows.map((r) => r.id);
}
