/**
 * How a payment was made, as the ledger knows it, and the card words a person recognises
 * ("Visa •••• 4242"). No database code: the portal's pages import it into the browser too.
 */
export type PaymentMethodFacts =
  | { kind: "CARD"; brand: string | null; last4: string | null }
  | { kind: "BANK_TRANSFER" | "CHECK" | "LOCKBOX" | "CASH" | "OTHER" };

/** Card networks as their cardholders write them (Stripe's `card.brand` values). */
const CARD_BRANDS: Record<string, string> = {
  amex: "American Express",
  cartes_bancaires: "Cartes Bancaires",
  diners: "Diners Club",
  discover: "Discover",
  eftpos_au: "eftpos",
  interac: "Interac",
  jcb: "JCB",
  link: "Link",
  mastercard: "Mastercard",
  unionpay: "UnionPay",
  visa: "Visa",
};

/** "visa" → "Visa"; a brand Settle does not know is shown with a capital first letter. */
export function cardBrandName(brand: string): string {
  const known = CARD_BRANDS[brand.toLowerCase()];
  if (known) return known;
  const words = brand.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Visa •••• 4242", or null when the ledger does not know the card's last digits. */
export function cardWords(method: PaymentMethodFacts): string | null {
  if (method.kind !== "CARD" || !method.last4) return null;
  return method.brand ? `${cardBrandName(method.brand)} •••• ${method.last4}` : `•••• ${method.last4}`;
}

/** A PAYMENT item's method from its columns (card brand and last four digits for card payments). */
export function paymentMethodOf(item: {
  paymentMethod: PaymentMethodFacts["kind"] | null;
  cardBrand: string | null;
  cardLast4: string | null;
}): PaymentMethodFacts | null {
  if (item.paymentMethod === "CARD") return { kind: "CARD", brand: item.cardBrand, last4: item.cardLast4 };
  return item.paymentMethod ? { kind: item.paymentMethod } : null;
}
