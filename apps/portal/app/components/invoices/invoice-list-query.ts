import type { InvoiceSort } from "@settle/domain/invoices/invoice-list-options";

/** A calendar date as YYYY-MM-DD (dates are UTC midnights). */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

interface ListState {
  filters: {
    q?: string | null;
    status?: string | null;
    dueFrom?: Date | null;
    dueTo?: Date | null;
    overdueOnly?: boolean;
  };
  sort: InvoiceSort;
  dir: "asc" | "desc";
  /** A parent account's switch: said only when there is a choice. */
  hasChildren?: boolean;
  consolidated?: boolean;
}

/** Whether a search or filter is set (the page offers to clear them). */
export function isFiltered(filters: ListState["filters"]): boolean {
  return !!(filters.q || filters.status || filters.dueFrom || filters.dueTo || filters.overdueOnly);
}

/** The list's filters and sort as a query string (no page), for exports and links; `extra` added. */
export function invoiceListQuery(list: ListState, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  const f = list.filters;
  if (f.q) search.set("q", f.q);
  if (f.status) search.set("status", f.status);
  if (f.dueFrom) search.set("dueFrom", isoDate(f.dueFrom));
  if (f.dueTo) search.set("dueTo", isoDate(f.dueTo));
  if (f.overdueOnly) search.set("overdueOnly", "1");
  if (list.hasChildren) search.set("consolidated", list.consolidated ? "1" : "0");
  search.set("sort", list.sort);
  search.set("dir", list.dir);
  for (const [k, v] of Object.entries(extra)) search.set(k, v);
  return `?${search.toString()}`;
}

/**
 * Where a column header leads: the same search sorted by that column, from page 1. The current
 * column turns around; another starts in its own first direction (newest or largest first for
 * dates and amounts).
 */
export function sortSearch<S extends string>(
  current: string,
  list: { sort: S; dir: "asc" | "desc" },
  sort: S,
  firstDir: "asc" | "desc",
): { search: string; active: boolean } {
  const active = list.sort === sort;
  const search = new URLSearchParams(current);
  search.set("sort", sort);
  search.set("dir", active ? (list.dir === "asc" ? "desc" : "asc") : firstDir);
  search.delete("page");
  return { search: search.toString(), active };
}
