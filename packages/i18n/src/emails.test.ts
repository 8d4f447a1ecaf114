import { describe, expect, it } from "vitest";
import { emailText } from "./emails.ts";

describe("emailText", () => {
  it("fills placeholders and picks each language's plural form", () => {
    expect(emailText("en", "greeting", { name: "Ana" })).toBe("Hello Ana,");
    expect(emailText("es", "receipt.subject", { amount: "10,00 €", account: "C-1" })).toBe(
      "Pago recibido: 10,00 € para la cuenta C-1",
    );
    expect(emailText("en", "signIn.duration", { count: 1 })).toBe("1 minute");
    expect(emailText("ar", "signIn.duration", { count: 2 })).toBe("دقيقتين");
    expect(emailText("ar", "signIn.duration", { count: 10 })).toBe("\u206810\u2069 دقائق");
  });

  it("leaves values as given: no escaping, no nested lookups", () => {
    expect(emailText("en", "greeting", { name: "<b>{{x}}</b> $t(greeting)" })).toBe(
      "Hello <b>{{x}}</b> $t(greeting),",
    );
  });
});
