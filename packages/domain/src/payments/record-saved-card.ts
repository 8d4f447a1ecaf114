import type Stripe from "stripe";
import type { Actor, PortalActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { requireCardPayments } from "../base/card-payments-switch.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { CUSTOMER_METADATA_KEY, stripeRefusal } from "./start-card-payment.ts";
import { SAVED_BY_METADATA_KEY } from "./start-card-setup.ts";
import { getStripe } from "./stripe-client.ts";
import { fetchCheckoutSession, type SyncResult, syncFetchedCheckoutSession } from "./sync-card-payment.ts";

export interface SavedCardView {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  savedAt: Date;
}

const IGNORED: SyncResult = { attemptId: null, status: null, recorded: false };
const UUID = /^[0-9a-f-]{36}$/;

/**
 * Records the card a succeeded SetupIntent saved, exactly once per PaymentMethod (the return page,
 * `checkout.session.completed` and `setup_intent.succeeded` may all arrive). The SetupIntent is
 * fetched from the API; one that is not Settle's, not succeeded, or whose Stripe Customer is not
 * the account's, records nothing. Returns the card, or null.
 */
export async function recordSetupIntent(setupIntentId: string, actor: Actor): Promise<SavedCardView | null> {
  const { stripe } = getStripe();
  let intent: Stripe.SetupIntent;
  try {
    intent = await stripe.setupIntents.retrieve(setupIntentId, { expand: ["payment_method"] });
  } catch (error) {
    throw stripeRefusal(error);
  }
  const customerId = intent.metadata?.[CUSTOMER_METADATA_KEY];
  const savedById = intent.metadata?.[SAVED_BY_METADATA_KEY];
  if (intent.status !== "succeeded" || !customerId || !savedById || !UUID.test(customerId)) return null;
  const method = typeof intent.payment_method === "object" ? intent.payment_method : null;
  const card = method?.card;
  const stripeCustomerId = typeof intent.customer === "string" ? intent.customer : intent.customer?.id;
  if (!method || !card || !stripeCustomerId) return null;
  const db = getDb();
  const account = await db.customer.findUnique({
    where: { id: customerId },
    select: { stripeCustomerId: true },
  });
  if (!account || account.stripeCustomerId !== stripeCustomerId) return null;

  return db.$transaction(async (t) => {
    const inserted = await t.savedCard.createMany({
      data: [
        {
          customerId,
          stripeCustomerId,
          paymentMethodId: method.id,
          setupIntentId: intent.id,
          brand: card.brand,
          last4: card.last4,
          expMonth: card.exp_month,
          expYear: card.exp_year,
          savedById,
        },
      ],
      skipDuplicates: true,
    });
    const row = await t.savedCard.findUniqueOrThrow({ where: { paymentMethodId: method.id } });
    if (inserted.count === 1) {
      await appendAudit(t, actor, {
        action: "saved-card.add",
        entityType: "saved_card",
        entityId: row.id,
        customerId,
        after: {
          brand: row.brand,
          last4: row.last4,
          expMonth: row.expMonth,
          expYear: row.expYear,
          savedById,
        },
      });
    }
    return {
      id: row.id,
      brand: row.brand,
      last4: row.last4,
      expMonth: row.expMonth,
      expYear: row.expYear,
      savedAt: row.createdAt,
    };
  });
}

/**
 * `checkout.session.completed` for either mode: setup sessions save a card, payment sessions go to
 * the card payment path.
 */
export async function syncAnyCheckoutSession(sessionId: string, actor: Actor): Promise<SyncResult> {
  const session = await fetchCheckoutSession(sessionId);
  if (session.mode !== "setup") return syncFetchedCheckoutSession(session, actor);
  const setupIntentId =
    typeof session.setup_intent === "string" ? session.setup_intent : session.setup_intent?.id;
  if (setupIntentId) await recordSetupIntent(setupIntentId, actor);
  return IGNORED;
}

/** `setup_intent.succeeded`. */
export async function syncSetupIntent(setupIntentId: string, actor: Actor): Promise<SyncResult> {
  await recordSetupIntent(setupIntentId, actor);
  return IGNORED;
}

/**
 * Where Checkout returns after saving a card: records it from the session the URL names, if that
 * session belongs to this account (anything else is NOT_FOUND).
 */
export async function completeCardSetup(
  customerId: string,
  checkoutSessionId: string,
  actor: PortalActor,
): Promise<SavedCardView | null> {
  const id = customerId.toLowerCase();
  assertReadableCustomerId(actor, id);
  requireCardPayments();
  if (!/^cs_[A-Za-z0-9_]{1,200}$/.test(checkoutSessionId)) throw new DomainError("NOT_FOUND", "Not found");
  const { stripe } = getStripe();
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.retrieve(checkoutSessionId);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404)
      throw new DomainError("NOT_FOUND", "Not found");
    throw stripeRefusal(error);
  }
  if (session.mode !== "setup" || session.metadata?.[CUSTOMER_METADATA_KEY] !== id) {
    throw new DomainError("NOT_FOUND", "Not found");
  }
  const setupIntentId =
    typeof session.setup_intent === "string" ? session.setup_intent : session.setup_intent?.id;
  if (!setupIntentId) return null;
  return recordSetupIntent(setupIntentId, actor);
}
