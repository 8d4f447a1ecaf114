import { describe, expect, it } from "vitest";
import { autopayFailureEmail } from "./autopay-emails.ts";
import { isCardExpired } from "./get-payment-methods.ts";

const base = {
  to: "ap@customer.example",
  name: "Pat",
  accountNumber: "C-1001",
  amount: 123456n,
  currency: "USD",
  cardLabel: "visa •••• 0341",
  failureCode: "card_declined",
  nextRetryAt: new Date("2026-03-04T00:00:00Z"),
};

describe("autopay failure e-mail", () => {
  it("names the amount, the card and the next try, in the payer's language", () => {
    const en = autopayFailureEmail({ ...base, locale: "en" });
    expect(en.subject).toBe("Autopay could not charge your card for account C-1001");
    expect(en.text).toContain("$1,234.56");
    expect(en.text).toContain("visa •••• 0341");
    expect(en.text).toContain("The card was declined.");
    expect(en.text).toContain("We will try again on March 4, 2026.");
    expect(en.category).toBe("portal.autopay-failed");

    const es = autopayFailureEmail({ ...base, locale: "es" });
    expect(es.subject).toContain("pago automático");
    expect(es.text).toContain("4 de marzo de 2026");
    for (const locale of ["pt-BR", "ar"]) {
      const mail = autopayFailureEmail({ ...base, locale });
      expect(mail.text).toContain("C-1001");
      expect(mail.subject).not.toBe(en.subject);
    }
  });

  it("says so after the last try, and explains authentication_required", () => {
    const last = autopayFailureEmail({
      ...base,
      locale: "en",
      failureCode: "authentication_required",
      nextRetryAt: null,
    });
    expect(last.text).toContain("This was the last try: autopay is now off");
    expect(last.text).toContain("Your bank wants you to confirm the payment");
    // An unknown language falls back to English.
    expect(autopayFailureEmail({ ...base, locale: "xx" }).subject).toBe(
      "Autopay could not charge your card for account C-1001",
    );
  });
});

describe("isCardExpired", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  it("treats a card as valid through the end of its expiry month", () => {
    expect(isCardExpired(11, 2026, now)).toBe(false);
    expect(isCardExpired(10, 2026, now)).toBe(true);
    expect(isCardExpired(1, 2027, now)).toBe(false);
    expect(isCardExpired(12, 2025, now)).toBe(true);
  });
});
