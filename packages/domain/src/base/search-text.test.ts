import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, likeContains, likeLiteral, OptionalText, SearchText } from "./search-text.ts";

describe("search text", () => {
  it("turns control characters into spaces and keeps what a person types", () => {
    expect(cleanText("\u0000ACME\u0000 Corp\t\n")).toBe("ACME Corp");
    expect(cleanText("Açaí & Søn — 50% \\ 東京")).toBe("Açaí & Søn — 50% \\ 東京");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(cleanText(s)).not.toMatch(/\p{Cc}/u);
      }),
    );
  });

  it("reads an empty or blank field as not given, and ignores an over-long search", () => {
    expect(OptionalText(10).parse("  \u0000 ")).toBeUndefined();
    expect(OptionalText(10).safeParse("x".repeat(11)).success).toBe(false);
    expect(SearchText(10).parse("x".repeat(11))).toBeUndefined();
    expect(SearchText(10).parse(" INV-1 ")).toBe("INV-1");
  });

  it("escapes LIKE's wildcards and escape character", () => {
    expect(likeLiteral("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(likeContains("a_b")).toBe("%a\\_b%");
  });
});
