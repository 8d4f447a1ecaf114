import type { PortalActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { AutopayTiming } from "../db/generated/enums.ts";
import { requirePortalCapability } from "../portal-access/capabilities.ts";

export interface PaymentMethodsView {
  cards: {
    id: string;
    brand: string;
    last4: string;
    expMonth: number;
    expYear: number;
    /** The card's last valid month is over: it cannot be charged. */
    expired: boolean;
    savedByName: string;
    savedAt: Date;
  }[];
  autopay: {
    enabled: boolean;
    savedCardId: string | null;
    timing: AutopayTiming;
    daysBefore: number;
    currency: string;
    enabledByName: string | null;
    enabledAt: Date | null;
    /** Why it went off by itself ("card-removed", "charge-failed"), for a notice. */
    disabledReason: string | null;
    disabledAt: Date | null;
  } | null;
  /** Currencies of the account's invoices: autopay pays one of them. */
  currencies: string[];
}

/** A card is valid through the end of its expiry month. */
export function isCardExpired(expMonth: number, expYear: number, now = new Date()): boolean {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return expYear < year || (expYear === year && expMonth < month);
}

/** The account's saved cards and autopay setting, for its payers and administrators. */
export async function getPaymentMethods(
  customerId: string,
  actor: PortalActor,
  now = new Date(),
): Promise<PaymentMethodsView> {
  const id = customerId.toLowerCase();
  requirePortalCapability(actor, id, "canPay");
  const db = getDb();
  const [cards, setting, customer, currencies] = await Promise.all([
    db.savedCard.findMany({
      where: { customerId: id, removedAt: null },
      orderBy: { createdAt: "desc" },
      include: { savedBy: { select: { name: true } } },
    }),
    db.autopaySetting.findUnique({
      where: { customerId: id },
      include: { enabledBy: { select: { name: true } } },
    }),
    db.customer.findUniqueOrThrow({ where: { id }, select: { legalEntity: { select: { currency: true } } } }),
    db.openItem.findMany({
      where: { customerId: id, kind: "INVOICE" },
      distinct: ["currency"],
      select: { currency: true },
    }),
  ]);
  const codes = new Set([customer.legalEntity.currency, ...currencies.map((c) => c.currency)]);
  return {
    cards: cards.map((c) => ({
      id: c.id,
      brand: c.brand,
      last4: c.last4,
      expMonth: c.expMonth,
      expYear: c.expYear,
      expired: isCardExpired(c.expMonth, c.expYear, now),
      savedByName: c.savedBy.name,
      savedAt: c.createdAt,
    })),
    autopay: setting
      ? {
          enabled: setting.enabled,
          savedCardId: setting.savedCardId,
          timing: setting.timing,
          daysBefore: setting.daysBefore,
          currency: setting.currency,
          enabledByName: setting.enabledBy?.name ?? null,
          enabledAt: setting.enabledAt,
          disabledReason: setting.disabledReason,
          disabledAt: setting.disabledAt,
        }
      : null,
    currencies: [...codes].sort(),
  };
}
