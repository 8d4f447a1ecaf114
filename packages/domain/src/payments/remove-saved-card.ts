import Stripe from "stripe";
import type { PortalActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { requireStepUp } from "../portal/step-up.ts";
import { requirePortalCapability } from "../portal-access/capabilities.ts";
import { type RemoveSavedCardInput, RemoveSavedCardSchema } from "./payment-method-forms.ts";
import { stripeRefusal } from "./start-card-payment.ts";
import { getStripe } from "./stripe-client.ts";

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * Removes a saved card: detaches it at Stripe (Idempotency-Key per card, so a retry after a
 * failure is safe), then marks it removed. Autopay that used it is turned off in the same
 * transaction; the result says so, for the notice. Needs a recent step-up.
 */
export async function removeSavedCard(
  rawInput: RemoveSavedCardInput,
  actor: PortalActor,
  options: { sessionId: string },
): Promise<{ removed: boolean; autopayTurnedOff: boolean }> {
  const input = RemoveSavedCardSchema.parse(rawInput);
  const customerId = input.customerId.toLowerCase();
  requirePortalCapability(actor, customerId, "canPay");
  const cardId = input.cardId.toLowerCase();
  if (!UUID.test(cardId)) throw new DomainError("NOT_FOUND", "Card not found.");
  const db = getDb();
  const card = await db.savedCard.findFirst({ where: { id: cardId, customerId } });
  if (!card) throw new DomainError("NOT_FOUND", "Card not found.");
  if (card.removedAt) return { removed: false, autopayTurnedOff: false };
  await requireStepUp(options.sessionId, actor);

  const { stripe } = getStripe();
  try {
    await stripe.paymentMethods.detach(
      card.paymentMethodId,
      {},
      { idempotencyKey: `settle-detach-${card.id}` },
    );
  } catch (error) {
    // Detached already (by an earlier try whose answer was lost, or in the Dashboard): go on.
    const gone =
      error instanceof Stripe.errors.StripeInvalidRequestError &&
      (error.code === "resource_missing" || /not attached/i.test(error.message));
    if (!gone) throw stripeRefusal(error);
  }

  return db.$transaction(async (t) => {
    const [locked] = await t.$queryRaw<{ enabled: boolean; saved_card_id: string | null }[]>`
      SELECT enabled, saved_card_id FROM autopay_setting WHERE customer_id = ${customerId}::uuid FOR UPDATE`;
    const updated = await t.savedCard.updateMany({
      where: { id: card.id, removedAt: null },
      data: { removedAt: new Date(), removedById: actor.userId },
    });
    if (updated.count === 0) return { removed: false, autopayTurnedOff: false };
    await appendAudit(t, actor, {
      action: "saved-card.remove",
      entityType: "saved_card",
      entityId: card.id,
      customerId,
      before: { brand: card.brand, last4: card.last4 },
    });
    const autopayTurnedOff = Boolean(locked?.enabled && locked.saved_card_id === card.id);
    if (autopayTurnedOff) {
      await t.autopaySetting.update({
        where: { customerId },
        data: { enabled: false, disabledAt: new Date(), disabledReason: "card-removed" },
      });
      await appendAudit(t, actor, {
        action: "autopay.disable",
        entityType: "customer",
        entityId: customerId,
        customerId,
        before: { enabled: true, savedCardId: card.id },
        after: { enabled: false, reason: "card-removed" },
      });
    }
    return { removed: true, autopayTurnedOff };
  });
}
