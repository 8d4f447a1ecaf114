import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { cx } from "./cx.ts";
import { Icon } from "./icon.tsx";

export type SortDir = "asc" | "desc";

export interface Column<T> {
  /** Stable id of the column (React key). */
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The `sort` URL value for this column; makes the header a sort link. */
  sortKey?: string;
  /** Direction on the first click (amounts are most useful largest first). */
  firstDir?: SortDir;
  /** "right" is the end side: numbers line up there (on the left in right-to-left pages). */
  align?: "left" | "right";
  /** Header is a row header (the row's name) for screen readers. */
  rowHeader?: boolean;
  className?: string;
}

export interface DataTableProps<T> {
  /** Describes the table for assistive technology (visually hidden unless `showCaption`). */
  caption: string;
  showCaption?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The current sort, as read from the URL by the loader. */
  sort?: { key: string; dir: SortDir };
  /** Shown instead of the body when there are no rows. */
  empty?: ReactNode;
  /** URL parameter names, when a page has more than one sortable table. */
  params?: { sort: string; dir: string; page: string };
  /** What screen readers hear after a sortable header, in the page's language (English by default). */
  sortText?: SortText;
}

/** The hidden text after a sortable header: its current sort (if any) and what a click does. */
export type SortText = (state: { current?: SortDir; next: SortDir }) => string;

const DEFAULT_PARAMS = { sort: "sort", dir: "dir", page: "page" };

const englishSortText: SortText = ({ current, next }) => {
  const word = (dir: SortDir) => (dir === "asc" ? "ascending" : "descending");
  return current ? `, sorted ${word(current)}; sort ${word(next)}` : ", sort";
};

/** The href for sorting by `key`: keeps the other parameters (search), restarts at page 1. */
function useSortHref(params: { sort: string; dir: string; page: string }) {
  const location = useLocation();
  return (key: string, dir: SortDir) => {
    const search = new URLSearchParams(location.search);
    search.set(params.sort, key);
    search.set(params.dir, dir);
    search.delete(params.page);
    return `${location.pathname}?${search.toString()}`;
  };
}

/**
 * A data table with link-based sorting (works without JavaScript, shareable URLs) and an empty
 * state. Sort state is announced through aria-sort on the header cell.
 */
export function DataTable<T>({
  caption,
  showCaption,
  columns,
  rows,
  rowKey,
  sort,
  empty,
  params = DEFAULT_PARAMS,
  sortText = englishSortText,
}: DataTableProps<T>) {
  const sortHref = useSortHref(params);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-separate border-spacing-0 text-sm">
        <caption className={showCaption ? "px-5 py-3 text-start text-sm font-semibold text-ink" : "sr-only"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort && column.sortKey && sort.key === column.sortKey;
              const nextDir: SortDir = active
                ? sort.dir === "asc"
                  ? "desc"
                  : "asc"
                : (column.firstDir ?? "asc");
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={cx(
                    "sticky top-0 border-b border-line bg-slate-50/95 px-4 py-2.5 text-xs font-semibold tracking-wide whitespace-nowrap text-ink-muted uppercase first:ps-5 last:pe-5",
                    column.align === "right" ? "text-end" : "text-start",
                    column.className,
                  )}
                >
                  {column.sortKey ? (
                    <Link
                      to={sortHref(column.sortKey, nextDir)}
                      className={cx(
                        "group inline-flex items-center gap-1 rounded align-middle hover:text-ink",
                        column.align === "right" && "flex-row-reverse",
                        active && "text-ink",
                      )}
                    >
                      {column.header}
                      <Icon
                        name={active ? (sort.dir === "asc" ? "chevronUp" : "chevronDown") : "sort"}
                        className={cx(
                          "size-3.5",
                          active ? "text-brand-600" : "text-slate-300 group-hover:text-slate-500",
                        )}
                      />
                      <span className="sr-only">
                        {sortText({ current: active ? sort.dir : undefined, next: nextDir })}
                      </span>
                    </Link>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className="group hover:bg-slate-50/70">
                {columns.map((column) => {
                  const Cell = column.rowHeader ? "th" : "td";
                  return (
                    <Cell
                      key={column.id}
                      scope={column.rowHeader ? "row" : undefined}
                      className={cx(
                        "border-b border-line px-4 py-3 align-top font-normal text-ink first:ps-5 last:pe-5 group-last:border-b-0",
                        column.align === "right" ? "text-end" : "text-start",
                        column.className,
                      )}
                    >
                      {column.cell(row)}
                    </Cell>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
