import { describe, expect, it } from "vitest";
import { buildCustomer, buildInvoiceLines, createFaker, slugify } from "./factories.ts";

describe("factories", () => {
  it("build the same rows from the same seed", () => {
    const build = () => {
      const f = createFaker(42, "de");
      return {
        customer: buildCustomer(f, { legalEntityId: "le", creditCurrency: "EUR", country: "DE" }),
        lines: buildInvoiceLines(f, { locale: "de", country: "DE" }),
      };
    };
    const a = build();
    expect(build()).toEqual({ ...a, customer: { ...a.customer, createdAt: expect.any(Date) } });
    expect(a.customer.billingAddress.at(-1)).toBe("Deutschland");
    expect(a.lines.every((l) => l.taxRateBp === 1900 || l.taxRateBp === 700)).toBe(true);
  });

  it("slugs names into e-mail domains", () => {
    expect(slugify("Müller & Söhne Präzisionsteile GmbH")).toBe("mueller-soehne-praezisionsteile-gmbh");
    expect(slugify("Indústria Elétrica São João Ltda.")).toBe("industria-eletrica-sao-joao-ltda");
  });
});
