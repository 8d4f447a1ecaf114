import Stripe from "stripe";
import type { PortalActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import type { PortalLocale } from "../base/portal-locales.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { sumAmounts, toDecimalString } from "../money/money.ts";
import { parseTypedAmount } from "../money/typed-amount.ts";
import { requirePortalCapability } from "../portal-access/capabilities.ts";
import {
  parsePaymentAmount,
  refusalFromZod,
  refuse,
  type StartCardPaymentInput,
  StartCardPaymentSchema,
} from "./card-payment-forms.ts";
import { loadPayableInvoices } from "./review-card-payment.ts";
import { stripeAmountProblem, stripeStep, toStripeAmount } from "./stripe-amounts.ts";
import { getStripe } from "./stripe-client.ts";

/** Metadata keys on Checkout Sessions and PaymentIntents that lead back to the attempt. */
export const ATTEMPT_METADATA_KEY = "settle_attempt_id";
export const CUSTOMER_METADATA_KEY = "settle_customer_id";

export interface StartCardPaymentOptions {
  /** The portal's public base URL: Stripe sends the payer back there. */
  portalUrl: URL;
  locale?: PortalLocale;
}

export interface StartedCardPayment {
  attemptId: string;
  /** Stripe's hosted page, or null when the attempt is already finished (show its outcome). */
  checkoutUrl: string | null;
  currency: string;
  amount: bigint;
  replayed: boolean;
}

/** Stripe Checkout has no Arabic: the payer's browser language decides there. */
const CHECKOUT_LOCALES: Record<PortalLocale, Stripe.Checkout.SessionCreateParams.Locale> = {
  en: "en",
  es: "es",
  "pt-BR": "pt-BR",
  ar: "auto",
};

/** Where Stripe sends the payer back: the attempt's outcome page. */
export function paymentOutcomePath(customerId: string, attemptId: string): string {
  return `/accounts/${customerId}/payments/${attemptId}`;
}

/**
 * Starts a card payment of chosen invoices, with a chosen amount for each (at most its open
 * amount), through Stripe Checkout. Validates everything first, records the attempt and its
 * allocations, then creates the Checkout Session with an idempotency key per attempt: the same
 * form submitted twice, or a retry after Stripe failed or timed out, reuses the attempt and can
 * never create a second session or charge. Nothing is charged here; the ledger changes only when
 * Stripe confirms the payment (recordCardPayment).
 */
export async function startCardPayment(
  rawInput: StartCardPaymentInput,
  actor: PortalActor,
  options: StartCardPaymentOptions,
): Promise<StartedCardPayment> {
  const parsed = StartCardPaymentSchema.safeParse(rawInput);
  if (!parsed.success) throw refusalFromZod(parsed.error);
  const input = parsed.data;
  const customerId = input.customerId.toLowerCase();
  requirePortalCapability(actor, customerId, "canPay");
  const db = getDb();

  let attempt = await db.paymentAttempt.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  let replayed = true;
  if (attempt && (attempt.customerId !== customerId || attempt.createdById !== actor.userId)) {
    throw new DomainError("CONFLICT", "This payment form was already used.");
  }
  if (
    attempt &&
    !(await sameAllocations(attempt.id, attempt.currency, input.allocations, options.locale ?? "en"))
  ) {
    // Pressing Pay again after changing amounts (e.g. once Stripe failed): the first attempt stands.
    throw new DomainError("CONFLICT", "This payment was already started with other amounts.", {
      reason: "form-used",
    });
  }
  if (!attempt) {
    replayed = false;
    const ids = input.allocations.map((a) => a.invoiceId.trim().toLowerCase());
    if (new Set(ids).size !== ids.length) {
      throw refuse("duplicate-invoice", "Each invoice can appear only once in a payment.");
    }
    const invoices = await loadPayableInvoices(customerId, ids, db);
    const allocations = invoices.map((invoice, i) => {
      const amount = parsePaymentAmount(
        input.allocations[i]!.amount,
        invoice.currency,
        invoice.number,
        options.locale,
      );
      if (amount > invoice.openAmount) {
        throw refuse("amount-too-high", `The amount for ${invoice.number} is more than its open amount.`, {
          number: invoice.number,
          open: invoice.openAmount.toString(),
          currency: invoice.currency,
        });
      }
      // Each invoice is a Checkout line: each amount must be one Stripe can charge.
      if (stripeAmountProblem(amount, invoice.currency)) {
        throw refuse(
          "amount-not-chargeable",
          `The amount for ${invoice.number} cannot be charged by card in ${invoice.currency}.`,
          {
            number: invoice.number,
            currency: invoice.currency,
            step: toDecimalString(stripeStep(invoice.currency), invoice.currency),
          },
        );
      }
      return { itemId: invoice.id, amount };
    });
    const currency = invoices[0]!.currency;
    const amount = sumAmounts(allocations.map((a) => a.amount));
    toStripeAmount(amount, currency);
    try {
      attempt = await db.$transaction(async (t) => {
        const created = await t.paymentAttempt.create({
          data: {
            customerId,
            currency,
            amount,
            idempotencyKey: input.idempotencyKey,
            createdById: actor.userId,
            locale: options.locale ?? "en",
            allocations: { create: allocations },
          },
        });
        await appendAudit(t, actor, {
          action: "card-payment.start",
          entityType: "payment_attempt",
          entityId: created.id,
          customerId,
          after: { currency, amount, allocations },
        });
        return created;
      });
    } catch (error) {
      // The same form submitted twice at once: the other request made the attempt.
      if ((error as { code?: string }).code !== "P2002") throw error;
      attempt = await db.paymentAttempt.findUniqueOrThrow({
        where: { idempotencyKey: input.idempotencyKey },
      });
      replayed = true;
    }
  }

  if (attempt.status !== "OPEN" && attempt.status !== "FAILED") {
    return {
      attemptId: attempt.id,
      checkoutUrl: null,
      currency: attempt.currency,
      amount: attempt.amount,
      replayed,
    };
  }
  const session = await createCheckoutSession(attempt.id, options);
  if (session.id !== attempt.checkoutSessionId) {
    await db.paymentAttempt.update({
      where: { id: attempt.id },
      data: { checkoutSessionId: session.id, checkoutUrl: session.url },
    });
  }
  return {
    attemptId: attempt.id,
    checkoutUrl: session.url,
    currency: attempt.currency,
    amount: attempt.amount,
    replayed,
  };
}

/** Whether a repeated submission asks for exactly what the attempt holds. */
async function sameAllocations(
  attemptId: string,
  currency: string,
  requested: readonly { invoiceId: string; amount: string }[],
  locale: string,
): Promise<boolean> {
  const stored = await getDb().paymentAttemptAllocation.findMany({ where: { attemptId } });
  if (stored.length !== requested.length) return false;
  const wanted = new Map(stored.map((a) => [a.itemId, a.amount]));
  return requested.every((r) => {
    try {
      return wanted.get(r.invoiceId.trim().toLowerCase()) === parseTypedAmount(r.amount, currency, locale);
    } catch {
      return false;
    }
  });
}

async function createCheckoutSession(attemptId: string, options: StartCardPaymentOptions) {
  const db = getDb();
  const attempt = await db.paymentAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: {
      createdBy: { select: { email: true } },
      customer: { select: { accountNumber: true, name: true } },
      allocations: { include: { item: { select: { number: true } } }, orderBy: { id: "asc" } },
    },
  });
  const currency = attempt.currency.toLowerCase();
  const metadata = { [ATTEMPT_METADATA_KEY]: attempt.id, [CUSTOMER_METADATA_KEY]: attempt.customerId };
  const back = new URL(paymentOutcomePath(attempt.customerId, attempt.id), options.portalUrl).href;
  const { stripe } = getStripe();
  try {
    return await stripe.checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: attempt.id,
        customer_email: attempt.createdBy.email,
        line_items: attempt.allocations.map((a) => ({
          quantity: 1,
          price_data: {
            currency,
            unit_amount: toStripeAmount(a.amount, currency),
            product_data: { name: `${attempt.customer.accountNumber} · ${a.item.number}` },
          },
        })),
        metadata,
        payment_intent_data: {
          metadata,
          description:
            `${attempt.customer.name} (${attempt.customer.accountNumber}): ${attempt.allocations.map((a) => a.item.number).join(", ")}`.slice(
              0,
              1000,
            ),
        },
        // Stripe fills in the session id: the outcome page can look at the session before the webhook.
        success_url: `${back}?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${back}?canceled=1`,
        locale: CHECKOUT_LOCALES[(attempt.locale as PortalLocale) ?? "en"] ?? "auto",
      },
      // One session per attempt, however often the payer presses Pay or the call is retried.
      { idempotencyKey: `settle-checkout-${attempt.id}` },
    );
  } catch (error) {
    throw stripeRefusal(error);
  }
}

/** A failed Stripe call as a refusal the payer can act on (try again later), never a 500. */
export function stripeRefusal(error: unknown): Error {
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    return refuse("payment-service-refused", "The card payment service refused this payment.");
  }
  if (error instanceof Stripe.errors.StripeError) {
    return refuse(
      "payment-service-unavailable",
      "The card payment service is not answering. Nothing was charged; please try again in a moment.",
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
