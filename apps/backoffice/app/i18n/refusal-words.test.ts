import { describe, expect, it } from "vitest";
import { i18nFor } from "./instance.ts";
import { refusalWordsIn } from "./refusal-words.ts";

describe("refusalWordsIn", () => {
  it("words a refusal by its reason with its values, else by its code, in the page's language", () => {
    const es = refusalWordsIn(i18nFor("es").t);
    // The domain gives the form it expects, in the typist's language (money/typed-amount.ts).
    expect(
      es({ code: "VALIDATION", reason: "not-an-amount", values: { currency: "EUR", example: "1.000,00" } }),
    ).toBe("Introduzca un importe en EUR, por ejemplo 1.000,00.");
    expect(es({ code: "VALIDATION", reason: "not-an-amount", values: { example: "1.000,00" } })).toBe(
      "Introduzca un importe, por ejemplo 1.000,00.",
    );
    expect(es({ code: "CONFLICT", reason: "no-such-reason", values: {} })).toBe(
      "Alguien lo cambió mientras tanto. Recargue la página e inténtelo de nuevo.",
    );
    expect(refusalWordsIn(i18nFor("en").t)({ code: "FORBIDDEN", reason: null, values: {} })).toBe(
      "Your role does not allow this.",
    );
  });

  it("shows a portal role by its label", () => {
    const ar = refusalWordsIn(i18nFor("ar").t);
    expect(
      ar({
        code: "CONFLICT",
        reason: "already-member",
        values: { name: "Ana", email: "a@x.example", role: "PAYER" },
      }),
    ).toBe(
      "لدى \u2068Ana\u2069 (\u2068a@x.example\u2069) وصول إلى هذا الحساب بالفعل بصفة \u2068مسدِّد\u2069. غيّر دوره بدلًا من ذلك.",
    );
  });
});
