/** What a test card does when charged or set up, following Stripe's documented test cards. */
export type CardBehavior =
  | { kind: "success" }
  | { kind: "decline"; code: string; declineCode: string; message: string }
  /** Declines when charged but can be saved (4000 0000 0000 0341). */
  | { kind: "decline_after_attach"; code: string; declineCode: string; message: string }
  /** 3-D Secure on session; after a set-up (authenticated) use, off-session charges succeed. */
  | { kind: "authenticate_unless_setup" }
  /** 3-D Secure on every charge; off-session charges fail with authentication_required. */
  | { kind: "authenticate_always" }
  /** Succeeds, then the cardholder disputes it as fraudulent. */
  | { kind: "dispute" }
  /** Succeeds, but refunds fail asynchronously. */
  | { kind: "refund_fail" };

export interface TestCard {
  number: string;
  brand: "visa" | "mastercard" | "amex" | "discover";
  funding: "credit" | "debit" | "prepaid";
  behavior: CardBehavior;
  description: string;
}

const DECLINED = "Your card was declined.";

const decline = (declineCode: string, message = DECLINED, code = "card_declined"): CardBehavior => ({
  kind: "decline",
  code,
  declineCode,
  message,
});

export const TEST_CARDS: TestCard[] = [
  card("4242424242424242", "visa", "credit", { kind: "success" }, "Succeeds"),
  card("4000056655665556", "visa", "debit", { kind: "success" }, "Succeeds (Visa debit)"),
  card("5555555555554444", "mastercard", "credit", { kind: "success" }, "Succeeds (Mastercard)"),
  card("378282246310005", "amex", "credit", { kind: "success" }, "Succeeds (American Express)"),
  card("6011111111111117", "discover", "credit", { kind: "success" }, "Succeeds (Discover)"),
  card("4000000000000002", "visa", "credit", decline("generic_decline"), "Generic decline"),
  card(
    "4000000000009995",
    "visa",
    "credit",
    decline("insufficient_funds", "Your card has insufficient funds."),
    "Insufficient funds",
  ),
  card("4000000000009987", "visa", "credit", decline("lost_card"), "Lost card"),
  card("4000000000009979", "visa", "credit", decline("stolen_card"), "Stolen card"),
  card(
    "4000000000000069",
    "visa",
    "credit",
    decline("expired_card", "Your card has expired.", "expired_card"),
    "Expired card",
  ),
  card(
    "4000000000000127",
    "visa",
    "credit",
    decline("incorrect_cvc", "Your card's security code is incorrect.", "incorrect_cvc"),
    "Incorrect CVC",
  ),
  card(
    "4000000000000119",
    "visa",
    "credit",
    decline(
      "processing_error",
      "An error occurred while processing your card. Try again in a little bit.",
      "processing_error",
    ),
    "Processing error",
  ),
  card(
    "4000000000000341",
    "visa",
    "credit",
    {
      kind: "decline_after_attach",
      code: "card_declined",
      declineCode: "generic_decline",
      message: DECLINED,
    },
    "Saves, but charges decline",
  ),
  card(
    "4000002500003155",
    "visa",
    "credit",
    { kind: "authenticate_unless_setup" },
    "3-D Secure unless set up for off-session use",
  ),
  card("4000002760003184", "visa", "credit", { kind: "authenticate_always" }, "3-D Secure on every payment"),
  card("4000000000000259", "visa", "credit", { kind: "dispute" }, "Succeeds, then a fraudulent chargeback"),
  card("4000000000005126", "visa", "credit", { kind: "refund_fail" }, "Succeeds; refunds fail"),
];

function card(
  number: string,
  brand: TestCard["brand"],
  funding: TestCard["funding"],
  behavior: CardBehavior,
  description: string,
): TestCard {
  return { number, brand, funding, behavior, description };
}

/** Stripe's test PaymentMethod tokens; each use makes a fresh `pm_…` for that card. */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_visa_debit: "4000056655665556",
  pm_card_mastercard: "5555555555554444",
  pm_card_amex: "378282246310005",
  pm_card_discover: "6011111111111117",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeDeclinedLostCard: "4000000000009987",
  pm_card_chargeDeclinedStolenCard: "4000000000009979",
  pm_card_chargeDeclinedExpiredCard: "4000000000000069",
  pm_card_chargeDeclinedIncorrectCvc: "4000000000000127",
  pm_card_chargeDeclinedProcessingError: "4000000000000119",
  pm_card_chargeCustomerFail: "4000000000000341",
  pm_card_authenticationRequiredOnSetup: "4000002500003155",
  pm_card_authenticationRequired: "4000002760003184",
  pm_card_createDispute: "4000000000000259",
  pm_card_refundFail: "4000000000005126",
};

const BY_NUMBER = new Map(TEST_CARDS.map((c) => [c.number, c]));

export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export function findTestCard(number: string): TestCard | undefined {
  return BY_NUMBER.get(normalizeCardNumber(number));
}

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
