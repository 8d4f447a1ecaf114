import { z } from "zod";
import { canReadCustomer, type PortalActor, systemActor } from "../actor.ts";
import { requireCardPayments } from "../base/card-payments-switch.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type { PaymentAttemptStatus } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { cancelCheckoutSession, syncCheckoutSession } from "./sync-card-payment.ts";

export const GetCardPaymentSchema = z.object({
  customerId: z.string().max(100),
  attemptId: z.string().max(100),
  /** The payer pressed "Back" on Stripe's page (the cancel URL). */
  canceled: z.boolean().default(false),
});
export type GetCardPaymentInput = z.input<typeof GetCardPaymentSchema>;

export interface CardPaymentOutcome {
  id: string;
  status: PaymentAttemptStatus;
  currency: string;
  amount: bigint;
  failureCode: string | null;
  failureMessage: string | null;
  createdAt: Date;
  completedAt: Date | null;
  /** The receipt (PAYMENT item) number once recorded. */
  receiptNumber: string | null;
  /** Part of the payment that could not be applied as chosen and went to the cash application team. */
  unapplied: bigint;
  invoices: { id: string; number: string; amount: bigint; openAmount: bigint }[];
  /** Stripe could not be asked just now: the status may be behind. */
  stale: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The outcome page after Stripe Checkout. Asks Stripe about the session (not the return URL,
 * which anyone can type) and records the payment if the webhook has not yet; on "Back" it expires
 * the session. An attempt of another account, or an unknown one, is NOT_FOUND.
 */
export async function getCardPayment(
  rawInput: GetCardPaymentInput,
  actor: PortalActor,
): Promise<CardPaymentOutcome> {
  const input = GetCardPaymentSchema.parse(rawInput);
  const customerId = input.customerId.toLowerCase();
  assertReadableCustomerId(actor, customerId);
  requireCardPayments();
  if (!UUID.test(input.attemptId) || !canReadCustomer(actor, customerId)) {
    throw new DomainError("NOT_FOUND", "Payment not found.");
  }
  const db = getDb();
  const before = await db.paymentAttempt.findFirst({
    where: { id: input.attemptId.toLowerCase(), customerId },
    select: { status: true, checkoutSessionId: true, createdById: true },
  });
  if (!before) throw new DomainError("NOT_FOUND", "Payment not found.");

  let stale = false;
  if (before.checkoutSessionId && before.status !== "SUCCEEDED" && before.status !== "CANCELED") {
    const asPage = { ...systemActor("portal-payment-return"), requestId: actor.requestId };
    try {
      // Only the payer who started it may call it off.
      if (input.canceled && before.createdById === actor.userId) {
        await cancelCheckoutSession(before.checkoutSessionId, asPage);
      } else {
        await syncCheckoutSession(before.checkoutSessionId, asPage);
      }
    } catch {
      // The webhook or the sweep will catch up; show what is known.
      stale = true;
    }
  }

  const attempt = await db.paymentAttempt.findUniqueOrThrow({
    where: { id: input.attemptId.toLowerCase() },
    include: {
      paymentItem: { select: { number: true, openAmount: true } },
      allocations: {
        include: { item: { select: { id: true, number: true, openAmount: true } } },
        orderBy: { item: { number: "asc" } },
      },
    },
  });
  return {
    id: attempt.id,
    status: attempt.status,
    currency: attempt.currency.trim(),
    amount: attempt.amount,
    failureCode: attempt.failureCode,
    failureMessage: attempt.failureMessage,
    createdAt: attempt.createdAt,
    completedAt: attempt.completedAt,
    receiptNumber: attempt.paymentItem?.number ?? null,
    unapplied: attempt.paymentItem?.openAmount ?? 0n,
    invoices: attempt.allocations.map((a) => ({
      id: a.item.id,
      number: a.item.number,
      amount: a.amount,
      openAmount: a.item.openAmount,
    })),
    stale,
  };
}
