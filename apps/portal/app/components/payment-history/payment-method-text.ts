import { cardWords, type PaymentMethodFacts } from "@settle/domain/payments/payment-method-words";

/**
 * How a row was paid, as a person knows it: "Visa •••• 4242" for a card, the method in the page's
 * words otherwise ("Bank transfer"), "Credit" for a credit memo.
 */
export function paymentMethodText(
  t: (key: string) => string,
  row: { kind: string; method: PaymentMethodFacts | null },
): string {
  if (row.kind === "CREDIT_MEMO") return t("methods.credit");
  if (!row.method) return "";
  return cardWords(row.method) ?? t(`methods.${row.method.kind}`);
}
