import type Stripe from "stripe";
import type { PortalActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import type { PortalLocale } from "../base/portal-locales.ts";
import { getDb } from "../db/client.ts";
import { requireStepUp } from "../portal/step-up.ts";
import { requirePortalCapability } from "../portal-access/capabilities.ts";
import { type StartCardSetupInput, StartCardSetupSchema } from "./payment-method-forms.ts";
import { CUSTOMER_METADATA_KEY, stripeRefusal } from "./start-card-payment.ts";
import { getStripe } from "./stripe-client.ts";
import { ensureStripeCustomer } from "./stripe-customer.ts";

/** Metadata on setup-mode Checkout Sessions and their SetupIntents: who saved the card. */
export const SAVED_BY_METADATA_KEY = "settle_saved_by";

export function paymentMethodsPath(customerId: string): string {
  return `/accounts/${customerId}/payment-methods`;
}

const CHECKOUT_LOCALES: Record<PortalLocale, Stripe.Checkout.SessionCreateParams.Locale> = {
  en: "en",
  es: "es",
  "pt-BR": "pt-BR",
  ar: "auto",
};

/**
 * Opens Stripe Checkout in setup mode so a payer can save a card for the account (the card never
 * touches Settle). Needs the payer capability and a recent step-up of this session. Returns
 * Stripe's hosted page; the card is recorded when Stripe says the SetupIntent succeeded
 * (recordSetupIntent: the return page, the webhook, whichever comes first).
 */
export async function startCardSetup(
  rawInput: StartCardSetupInput,
  actor: PortalActor,
  options: { portalUrl: URL; sessionId: string; locale?: PortalLocale },
): Promise<{ checkoutUrl: string }> {
  const input = StartCardSetupSchema.parse(rawInput);
  const customerId = input.customerId.toLowerCase();
  requirePortalCapability(actor, customerId, "canPay");
  await requireStepUp(options.sessionId, actor);
  const stripeCustomerId = await ensureStripeCustomer(customerId);
  const account = await getDb().customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { legalEntity: { select: { currency: true } } },
  });
  const back = new URL(paymentMethodsPath(customerId), options.portalUrl).href;
  const metadata = { [CUSTOMER_METADATA_KEY]: customerId, [SAVED_BY_METADATA_KEY]: actor.userId };
  const { stripe } = getStripe();
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: "setup",
        customer: stripeCustomerId,
        // Setup mode needs a currency (which card brands and methods Stripe offers).
        currency: account.legalEntity.currency.toLowerCase(),
        client_reference_id: customerId,
        metadata,
        setup_intent_data: { metadata },
        success_url: `${back}/added?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: back,
        locale: CHECKOUT_LOCALES[options.locale ?? "en"] ?? "auto",
      },
      { idempotencyKey: `settle-setup-${customerId}-${actor.userId}-${input.idempotencyKey}` },
    );
  } catch (error) {
    throw stripeRefusal(error);
  }
  await getDb().$transaction((t) =>
    appendAudit(t, actor, {
      action: "saved-card.setup-start",
      entityType: "customer",
      entityId: customerId,
      customerId,
      after: { checkoutSessionId: session.id },
    }),
  );
  if (!session.url) throw new Error("Stripe returned a setup session without a URL.");
  return { checkoutUrl: session.url };
}
