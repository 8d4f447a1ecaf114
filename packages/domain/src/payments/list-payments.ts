import { z } from "zod";
import type { Actor } from "../actor.ts";
import { likeLiteral, OptionalText } from "../base/search-text.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { ItemKind } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { BILLED_KINDS } from "../ledger/item-kinds.ts";
import {
  PAYMENT_FILTERS,
  PAYMENT_LIST_KINDS,
  PAYMENT_SORTS,
  PAYMENTS_PAGE_SIZE,
  type PaymentFilter,
  type PaymentSort,
} from "./payment-list-options.ts";
import { type PaymentMethodFacts, paymentMethodOf } from "./payment-method-words.ts";

// Sorting and paging are hand-editable URL values: nonsense falls back to the default. The filter
// changes what is shown, so an unknown one is an error that says what is allowed.
export const ListPaymentsSchema = z.object({
  // Checked by hand: a malformed id is NOT_FOUND like a foreign one.
  customerId: z.string().max(100),
  /** A receipt, credit memo or refund number (any part of it). */
  q: OptionalText(100),
  type: OptionalText(40).pipe(
    z
      .enum(PAYMENT_FILTERS, {
        error: () => `Unknown type filter; use one of ${PAYMENT_FILTERS.join(", ")}.`,
      })
      .optional(),
  ),
  sort: z.string().optional().pipe(z.enum(PAYMENT_SORTS).catch("date")),
  dir: z
    .string()
    .optional()
    .pipe(z.enum(["asc", "desc"]).catch("desc")),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type ListPaymentsInput = z.input<typeof ListPaymentsSchema>;

export interface PaymentListRow {
  id: string;
  kind: ItemKind;
  number: string;
  date: Date;
  currency: string;
  amount: bigint;
  /** Payments and credit memos: what is not applied to any invoice yet. */
  unapplied: bigint;
  /** Payments: how they were made; refunds and chargebacks: the method of the payment they came from. */
  method: PaymentMethodFacts | null;
  /** Payments and credit memos: the invoices they pay, with the amount each (active applications). */
  appliedTo: { id: string; number: string; amount: bigint }[];
  /** Refunds, chargebacks and returned refunds: the payment they came from. */
  fromPayment: { id: string; number: string } | null;
  /** A receipt can be downloaded (PAYMENT items). */
  hasReceipt: boolean;
}

export interface PaymentList {
  customer: { id: string; name: string; accountNumber: string };
  rows: PaymentListRow[];
  filters: { q: string; type: PaymentFilter | null };
  sort: PaymentSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

const KINDS_OF: Record<PaymentFilter, readonly ItemKind[]> = {
  payments: ["PAYMENT"],
  credits: ["CREDIT_MEMO"],
  refunds: ["REFUND", "CHARGEBACK", "REFUND_REVERSAL"],
};

const paymentLink = {
  select: {
    paymentItem: {
      select: { id: true, number: true, paymentMethod: true, cardBrand: true, cardLast4: true },
    },
  },
} as const;

/**
 * An account's payments for the portal's Payments tab: every PAYMENT (card payments and the ERP's
 * receipts), the credit memos applied to it, and the money that went back (refunds, chargebacks,
 * refunds that came back) as rows of their own linked to the payment they came from. Search by
 * number, a type filter, sorting with the id as tie-breaker, a page of 25 (a page past the end is
 * empty with the real total). Unreadable customers are NOT_FOUND; an unknown filter is VALIDATION.
 */
export async function listPayments(rawInput: ListPaymentsInput, actor: Actor): Promise<PaymentList> {
  // Scope first: another account's list is NOT_FOUND whatever its filters say.
  assertReadableCustomerId(actor, typeof rawInput.customerId === "string" ? rawInput.customerId : "");
  const parsed = ListPaymentsSchema.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("VALIDATION", issue?.message ?? "The filters are not valid.", {
      problem: issue?.path[0] === "type" ? "unknownType" : "invalidFilter",
      types: [...PAYMENT_FILTERS],
    });
  }
  const input = parsed.data;
  const customerId = input.customerId.toLowerCase();
  const db = getDb();
  const q = input.q ?? "";
  const where: Prisma.OpenItemWhereInput = {
    customerId,
    kind: { in: [...(input.type ? KINDS_OF[input.type] : PAYMENT_LIST_KINDS)] },
    ...(q ? { number: { contains: likeLiteral(q), mode: "insensitive" } } : {}),
  };
  const dir = input.dir;
  const orderBy: Prisma.OpenItemOrderByWithRelationInput[] = {
    date: [{ documentDate: dir }, { createdAt: dir }],
    number: [{ number: dir }],
    amount: [{ amount: dir }, { documentDate: dir }],
  }[input.sort];
  const [customer, total, items] = await Promise.all([
    db.customer.findUnique({
      where: { id: customerId },
      select: { id: true, name: true, accountNumber: true },
    }),
    db.openItem.count({ where }),
    db.openItem.findMany({
      where,
      orderBy: [...orderBy, { id: dir }],
      skip: (input.page - 1) * PAYMENTS_PAGE_SIZE,
      take: PAYMENTS_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        number: true,
        documentDate: true,
        currency: true,
        amount: true,
        openAmount: true,
        paymentMethod: true,
        cardBrand: true,
        cardLast4: true,
        creditsApplied: {
          where: { kind: "APPLY", reversedBy: null, debitItem: { kind: { in: [...BILLED_KINDS] } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { amount: true, debitItem: { select: { id: true, number: true } } },
        },
        refundOf: paymentLink,
        refundReversalOf: paymentLink,
        chargebackOf: paymentLink,
      },
    }),
  ]);
  if (!customer) throw new DomainError("NOT_FOUND", "Customer not found.");

  return {
    customer,
    rows: items.map((item) => {
      const source = (item.refundOf ?? item.refundReversalOf ?? item.chargebackOf)?.paymentItem ?? null;
      const isCredit = item.kind === "PAYMENT" || item.kind === "CREDIT_MEMO";
      return {
        id: item.id,
        kind: item.kind,
        number: item.number,
        date: item.documentDate,
        currency: item.currency.trim(),
        amount: item.amount,
        unapplied: isCredit ? item.openAmount : 0n,
        method: paymentMethodOf(source ?? item),
        appliedTo: item.creditsApplied.map((a) => ({
          id: a.debitItem.id,
          number: a.debitItem.number,
          amount: a.amount,
        })),
        fromPayment: source ? { id: source.id, number: source.number } : null,
        hasReceipt: item.kind === "PAYMENT",
      };
    }),
    filters: { q, type: input.type ?? null },
    sort: input.sort,
    dir,
    page: input.page,
    pageSize: PAYMENTS_PAGE_SIZE,
    total,
    pageCount: Math.max(1, Math.ceil(total / PAYMENTS_PAGE_SIZE)),
  };
}
