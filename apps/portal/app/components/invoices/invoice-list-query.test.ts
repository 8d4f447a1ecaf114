import { describe, expect, it } from "vitest";
import { invoiceListQuery, isFiltered, sortSearch } from "./invoice-list-query";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("invoiceListQuery", () => {
  it("carries the filters that are set, the sort and the extras", () => {
    const list = {
      filters: { q: "INV-1", status: "open", dueFrom: day("2026-01-01"), dueTo: null, overdueOnly: true },
      sort: "due" as const,
      dir: "asc" as const,
    };
    expect(invoiceListQuery(list, { page: "3" })).toBe(
      "?q=INV-1&status=open&dueFrom=2026-01-01&overdueOnly=1&sort=due&dir=asc&page=3",
    );
  });

  it("says whether a parent's list is consolidated, and nothing of it for other accounts", () => {
    const list = { filters: {}, sort: "date" as const, dir: "desc" as const };
    expect(invoiceListQuery({ ...list, hasChildren: true, consolidated: false })).toBe(
      "?consolidated=0&sort=date&dir=desc",
    );
    expect(invoiceListQuery({ ...list, hasChildren: true, consolidated: true })).toBe(
      "?consolidated=1&sort=date&dir=desc",
    );
    expect(invoiceListQuery({ ...list, hasChildren: false, consolidated: false })).toBe(
      "?sort=date&dir=desc",
    );
  });

  it("keeps the sort without filters", () => {
    expect(invoiceListQuery({ filters: {}, sort: "date", dir: "desc" })).toBe("?sort=date&dir=desc");
  });
});

describe("isFiltered", () => {
  it("is set by any search or filter, not by the sort", () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ q: "", status: null, overdueOnly: false })).toBe(false);
    expect(isFiltered({ overdueOnly: true })).toBe(true);
    expect(isFiltered({ dueTo: day("2026-01-01") })).toBe(true);
  });
});

describe("sortSearch", () => {
  it("turns the current column around and starts over at page 1", () => {
    const { search, active } = sortSearch(
      "q=x&sort=due&dir=asc&page=4",
      { sort: "due", dir: "asc" },
      "due",
      "asc",
    );
    expect(active).toBe(true);
    expect(search).toBe("q=x&sort=due&dir=desc");
  });

  it("starts another column in its own first direction", () => {
    const { search, active } = sortSearch("sort=due&dir=asc", { sort: "due", dir: "asc" }, "amount", "desc");
    expect(active).toBe(false);
    expect(search).toBe("sort=amount&dir=desc");
  });
});
