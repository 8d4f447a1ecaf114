import type { PortalActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { requireStepUp } from "../portal/step-up.ts";
import { requirePortalCapability } from "../portal-access/capabilities.ts";
import { isCardExpired } from "./get-payment-methods.ts";
import { type EnableAutopayInput, EnableAutopaySchema } from "./payment-method-forms.ts";

export interface AutopayChange {
  enabled: boolean;
  changed: boolean;
}

const refuse = (reason: string, message: string) => new DomainError("VALIDATION", message, { reason });

/**
 * Turns autopay on (or changes its card, currency or timing) for one account. The payer who does
 * it is the one the charges are made for (their consent, their receipt). Needs the payer
 * capability and a recent step-up, a saved card of the account that has not expired.
 */
export async function enableAutopay(
  rawInput: EnableAutopayInput,
  actor: PortalActor,
  options: { sessionId: string },
): Promise<AutopayChange> {
  const parsed = EnableAutopaySchema.safeParse(rawInput);
  if (!parsed.success) {
    throw new DomainError("VALIDATION", parsed.error.issues[0]?.message ?? "Check the form.", {
      reason: "invalid",
      field: String(parsed.error.issues[0]?.path[0] ?? ""),
    });
  }
  const input = parsed.data;
  const customerId = input.customerId.toLowerCase();
  requirePortalCapability(actor, customerId, "canPay");
  await requireStepUp(options.sessionId, actor);
  const daysBefore = input.timing === "ON_DUE_DATE" ? 0 : input.daysBefore;
  const db = getDb();
  const card = /^[0-9a-f-]{36}$/i.test(input.cardId)
    ? await db.savedCard.findFirst({ where: { id: input.cardId.toLowerCase(), customerId, removedAt: null } })
    : null;
  if (!card) throw refuse("unknown-card", "Choose one of the account's saved cards.");
  if (isCardExpired(card.expMonth, card.expYear)) throw refuse("card-expired", "That card has expired.");
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { legalEntity: { select: { currency: true } } },
  });
  const used = await db.openItem.findFirst({
    where: { customerId, currency: input.currency },
    select: { id: true },
  });
  if (!used && input.currency !== customer.legalEntity.currency) {
    throw refuse("unknown-currency", "The account has no invoices in that currency.");
  }

  return db.$transaction(async (t) => {
    const before = await t.autopaySetting.findUnique({ where: { customerId } });
    const data = {
      enabled: true,
      savedCardId: card.id,
      timing: input.timing,
      daysBefore,
      currency: input.currency,
      enabledById: actor.userId,
      enabledAt: new Date(),
      disabledAt: null,
      disabledReason: null,
    };
    const same =
      before?.enabled &&
      before.savedCardId === card.id &&
      before.timing === input.timing &&
      before.daysBefore === daysBefore &&
      before.currency === input.currency;
    if (same) return { enabled: true, changed: false };
    await t.autopaySetting.upsert({ where: { customerId }, create: { customerId, ...data }, update: data });
    await appendAudit(t, actor, {
      action: "autopay.enable",
      entityType: "customer",
      entityId: customerId,
      customerId,
      before: before
        ? {
            enabled: before.enabled,
            savedCardId: before.savedCardId,
            timing: before.timing,
            daysBefore: before.daysBefore,
            currency: before.currency,
          }
        : null,
      after: {
        enabled: true,
        savedCardId: card.id,
        timing: input.timing,
        daysBefore,
        currency: input.currency,
      },
    });
    return { enabled: true, changed: true };
  });
}

/**
 * Turns autopay off. No step-up: stopping charges is always allowed to a payer. Charges already
 * sent to Stripe finish; no new ones start.
 */
export async function disableAutopay(customerId: string, actor: PortalActor): Promise<AutopayChange> {
  const id = customerId.toLowerCase();
  requirePortalCapability(actor, id, "canPay");
  return getDb().$transaction(async (t) => {
    const updated = await t.autopaySetting.updateMany({
      where: { customerId: id, enabled: true },
      data: { enabled: false, disabledAt: new Date(), disabledReason: "user" },
    });
    if (updated.count === 0) return { enabled: false, changed: false };
    await appendAudit(t, actor, {
      action: "autopay.disable",
      entityType: "customer",
      entityId: id,
      customerId: id,
      before: { enabled: true },
      after: { enabled: false, reason: "user" },
    });
    return { enabled: false, changed: true };
  });
}
