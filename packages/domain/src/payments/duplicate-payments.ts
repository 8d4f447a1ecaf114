import type { Tx } from "../db/client.ts";

/** Two card payments this close together, otherwise the same, are taken for one paid twice. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A card payment that repeats another (or is repeated by it). */
export interface DuplicatePayment {
  attemptId: string;
  number: string;
  createdAt: Date;
}

export interface PaymentDuplicates {
  /** The earlier payment this one repeats: this one is the duplicate to refund. */
  of: DuplicatePayment | null;
  /** Later payments that repeat this one: a refund for the duplicate belongs on them. */
  repeatedBy: DuplicatePayment[];
}

const sameAllocations = (
  a: readonly { itemId: string; amount: bigint }[],
  b: readonly { itemId: string; amount: bigint }[],
) => {
  if (a.length !== b.length) return false;
  const key = (x: { itemId: string; amount: bigint }) => `${x.itemId}:${x.amount}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((k, i) => k === right[i]);
};

/**
 * Settle's notion of a duplicate card payment: another succeeded card payment of the same
 * customer, in the same currency and amount, paying the same invoices with the same amounts,
 * made within DUPLICATE_WINDOW_MS of this one (two people paying the same bill, a second tab).
 * The earlier one is the original; the later ones are its duplicates, the ones to refund.
 */
export async function findPaymentDuplicates(
  t: Tx,
  attempt: {
    id: string;
    customerId: string;
    currency: string;
    amount: bigint;
    createdAt: Date;
    allocations: readonly { itemId: string; amount: bigint }[];
  },
): Promise<PaymentDuplicates> {
  if (attempt.allocations.length === 0) return { of: null, repeatedBy: [] };
  const candidates = await t.paymentAttempt.findMany({
    where: {
      id: { not: attempt.id },
      customerId: attempt.customerId,
      currency: attempt.currency,
      amount: attempt.amount,
      status: "SUCCEEDED",
      paymentItemId: { not: null },
      createdAt: {
        gte: new Date(attempt.createdAt.getTime() - DUPLICATE_WINDOW_MS),
        lte: new Date(attempt.createdAt.getTime() + DUPLICATE_WINDOW_MS),
      },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      createdAt: true,
      allocations: { select: { itemId: true, amount: true } },
      paymentItem: { select: { number: true } },
    },
  });
  const isEarlier = (c: { id: string; createdAt: Date }) =>
    c.createdAt < attempt.createdAt ||
    (c.createdAt.getTime() === attempt.createdAt.getTime() && c.id < attempt.id);
  const same = candidates
    .filter((c) => sameAllocations(c.allocations, attempt.allocations))
    .map((c) => ({
      attemptId: c.id,
      number: c.paymentItem!.number,
      createdAt: c.createdAt,
      earlier: isEarlier(c),
    }));
  const first = same.find((c) => c.earlier);
  return {
    of: first ? { attemptId: first.attemptId, number: first.number, createdAt: first.createdAt } : null,
    repeatedBy: same
      .filter((c) => !c.earlier)
      .map((c) => ({ attemptId: c.attemptId, number: c.number, createdAt: c.createdAt })),
  };
}
