import { describe, expect, it } from "vitest";
import { visualPieces } from "./bidi-text.ts";
import { fillLabel } from "./labels.ts";

describe("visualPieces", () => {
  it("leaves left-to-right text alone, without its direction marks", () => {
    expect(visualPieces("Invoice 1001")).toEqual(["Invoice 1001"]);
    expect(visualPieces("\u200E-12.50")).toEqual(["-12.50"]);
  });

  it("orders Arabic words right to left and keeps each word in logical order for shaping", () => {
    // Logical "شركة النور": drawn left to right, the second word comes first.
    expect(visualPieces("شركة النور")).toEqual(["النور", " ", "شركة"]);
  });

  it("keeps numbers and Latin inside Arabic text left to right, and mirrors brackets", () => {
    expect(visualPieces("شركة (الرياض) 2024")).toEqual(["2024", " ", ")الرياض(", " ", "شركة"]);
    expect(visualPieces("رقم INV-100 مدفوع")).toEqual(["مدفوع", " ", "INV-100", " ", "رقم"]);
  });

  it("follows the marks Intl puts into Arabic dates (day first, read right to left)", () => {
    const date = new Intl.DateTimeFormat("ar", {
      timeZone: "UTC",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(new Date(Date.UTC(2025, 2, 4)));
    expect(visualPieces(date).join("")).toBe("2025/03/04");
  });

  it("keeps a Latin name filled into an Arabic label whole, its full stop after it", () => {
    const line = fillLabel("على {{customer}} أن يدفع", { customer: "Maggio & Kovacek Corp." });
    expect(visualPieces(line)).toEqual(
      ["يدفع", "أن", "Maggio", "&", "Kovacek", "Corp.", "على"].flatMap((word, i) =>
        i ? [" ", word] : [word],
      ),
    );
  });

  it("keeps astral characters whole in right-to-left runs", () => {
    expect(visualPieces("شركة 😀").join("")).toContain("😀");
  });
});
