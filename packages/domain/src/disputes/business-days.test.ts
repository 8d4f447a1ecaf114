import { describe, expect, it } from "vitest";
import { addBusinessDays, businessDaysAfter, isBusinessDay } from "./business-days.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("addBusinessDays", () => {
  it("skips weekends; the start day never counts", () => {
    // 2026-11-20 is a Friday.
    expect(iso(addBusinessDays(day("2026-11-20"), 1, new Set()))).toBe("2026-11-23");
    expect(iso(addBusinessDays(day("2026-11-20"), 5, new Set()))).toBe("2026-11-27");
    expect(iso(addBusinessDays(day("2026-11-21"), 1, new Set()))).toBe("2026-11-23");
    expect(iso(addBusinessDays(day("2026-11-23"), 10, new Set()))).toBe("2026-12-07");
  });

  it("skips the legal entity's holidays, also next to a weekend", () => {
    const holidays = new Set(["2026-12-24", "2026-12-25", "2026-12-28"]);
    // Tue 22nd + 3: Wed 23, (Thu, Fri holidays, weekend, Mon holiday) Tue 29, Wed 30.
    expect(iso(addBusinessDays(day("2026-12-22"), 3, holidays))).toBe("2026-12-30");
    expect(isBusinessDay(day("2026-12-28"), holidays)).toBe(false);
    expect(isBusinessDay(day("2026-12-29"), holidays)).toBe(true);
  });

  it("ignores the time of day and refuses non-positive counts", () => {
    expect(iso(addBusinessDays(new Date("2026-11-20T23:59:59Z"), 1, new Set()))).toBe("2026-11-23");
    expect(() => addBusinessDays(day("2026-11-20"), 0, new Set())).toThrow(RangeError);
  });
});

describe("businessDaysAfter", () => {
  it("counts the business days past a deadline, skipping weekends and holidays", () => {
    // Deadline Friday 2026-11-20.
    expect(businessDaysAfter(day("2026-11-20"), day("2026-11-20"), new Set())).toBe(0);
    expect(businessDaysAfter(day("2026-11-20"), day("2026-11-22"), new Set())).toBe(0);
    expect(businessDaysAfter(day("2026-11-20"), day("2026-11-23"), new Set())).toBe(1);
    expect(businessDaysAfter(day("2026-11-20"), day("2026-11-25"), new Set(["2026-11-24"]))).toBe(2);
    expect(businessDaysAfter(day("2026-11-20"), day("2026-11-19"), new Set())).toBe(0);
  });
});
