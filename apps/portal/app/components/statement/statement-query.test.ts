import { describe, expect, it } from "vitest";
import { periodPresets, statementFilters, statementQuery } from "./statement-query";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("statementQuery", () => {
  it("keeps the filters in a fixed order and leaves out empty ones", () => {
    expect(statementQuery({ currency: "EUR", view: "activity", from: "2026-01-01", legalEntityId: "" })).toBe(
      "?view=activity&from=2026-01-01&currency=EUR",
    );
  });

  it("is empty without filters", () => {
    expect(statementQuery({})).toBe("");
  });
});

describe("statementFilters", () => {
  const statement = {
    view: "activity" as const,
    from: day("2026-01-01"),
    to: day("2026-03-31"),
    currency: "USD",
    legalEntityId: null,
    hasChildren: false,
    consolidated: false,
  };

  it("gives the period of an activity statement", () => {
    expect(statementFilters(statement)).toEqual({
      view: "activity",
      from: "2026-01-01",
      to: "2026-03-31",
      currency: "USD",
      legalEntityId: undefined,
      consolidated: undefined,
    });
  });

  it("leaves the period out of the open view and says whether a parent's statement is consolidated", () => {
    const open = statementFilters({ ...statement, view: "open", hasChildren: true, legalEntityId: "le-1" });
    expect(open).toMatchObject({ view: "open", from: undefined, to: undefined, legalEntityId: "le-1" });
    expect(open.consolidated).toBe("0");
    expect(statementFilters({ ...statement, hasChildren: true, consolidated: true }).consolidated).toBe("1");
  });
});

describe("periodPresets", () => {
  it("counts back from the day and takes whole calendar years", () => {
    expect(periodPresets(day("2026-03-01"))).toEqual([
      { key: "last30", from: "2026-01-30", to: "2026-03-01" },
      { key: "last90", from: "2025-12-01", to: "2026-03-01" },
      { key: "thisYear", from: "2026-01-01", to: "2026-03-01" },
      { key: "lastYear", from: "2025-01-01", to: "2025-12-31" },
    ]);
  });
});
