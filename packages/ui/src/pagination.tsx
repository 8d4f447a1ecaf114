import { Link, useLocation } from "react-router";
import { cx } from "./cx.ts";
import { Icon } from "./icon.tsx";

export interface PaginationProps {
  page: number;
  pageCount: number;
  /** Total number of rows, for "1–25 of 1,000". */
  total?: number;
  pageSize?: number;
  /** What the rows are ("customers"), for the landmark label. */
  label?: string;
  /** URL parameter name, when a page has more than one paged list. */
  param?: string;
  locale?: string;
  /** The control's words in the page's language (English by default). */
  text?: PaginationText;
}

export interface PaginationText {
  /** The landmark's name, e.g. "Pages of customers". */
  landmark: (label: string) => string;
  /** "Page 2 of 40", numbers already formatted for the locale. */
  pageOf: (page: string, pageCount: string) => string;
  /** "26–50 of 1,000", numbers already formatted. */
  range: (first: string, last: string, total: string) => string;
  previous: string;
  next: string;
}

const ENGLISH: PaginationText = {
  landmark: (label) => `Pages of ${label}`,
  pageOf: (page, pageCount) => `Page ${page} of ${pageCount}`,
  range: (first, last, total) => `${first}–${last} of ${total}`,
  previous: "Previous",
  next: "Next",
};

const linkBase =
  "inline-flex items-center gap-1 rounded-lg px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 bg-surface shadow-sm";

/** Previous/next links that keep the other URL parameters, with "Page X of Y". */
export function Pagination({
  page,
  pageCount,
  total,
  pageSize,
  label = "results",
  param = "page",
  locale = "en-US",
  text = ENGLISH,
}: PaginationProps) {
  const location = useLocation();
  const href = (n: number) => {
    const search = new URLSearchParams(location.search);
    if (n <= 1) search.delete(param);
    else search.set(param, String(n));
    const query = search.toString();
    return query ? `${location.pathname}?${query}` : location.pathname;
  };
  const nf = new Intl.NumberFormat(locale);
  const range =
    total !== undefined && pageSize && total > 0 && page <= pageCount
      ? text.range(
          nf.format((page - 1) * pageSize + 1),
          nf.format(Math.min(page * pageSize, total)),
          nf.format(total),
        )
      : undefined;
  const prev = page > 1 ? Math.min(page - 1, pageCount) : undefined;
  const next = page < pageCount ? page + 1 : undefined;
  return (
    <nav
      aria-label={text.landmark(label)}
      className="flex flex-wrap items-center justify-between gap-3 px-5 py-3"
    >
      <p className="tabular text-sm text-ink-muted">
        <span>{text.pageOf(nf.format(page), nf.format(pageCount))}</span>
        {range ? <span className="text-ink-faint"> · {range}</span> : null}
      </p>
      <div className="flex items-center gap-2">
        {prev ? (
          <Link to={href(prev)} rel="prev" className={cx(linkBase, "text-ink hover:bg-slate-50")}>
            <Icon name="chevronLeft" className="size-4 rtl:-scale-x-100" />
            {text.previous}
          </Link>
        ) : (
          <span
            aria-disabled="true"
            className={cx(linkBase, "cursor-not-allowed text-slate-400 shadow-none")}
          >
            <Icon name="chevronLeft" className="size-4 rtl:-scale-x-100" />
            {text.previous}
          </span>
        )}
        {next ? (
          <Link to={href(next)} rel="next" className={cx(linkBase, "text-ink hover:bg-slate-50")}>
            {text.next}
            <Icon name="chevronRight" className="size-4 rtl:-scale-x-100" />
          </Link>
        ) : (
          <span
            aria-disabled="true"
            className={cx(linkBase, "cursor-not-allowed text-slate-400 shadow-none")}
          >
            {text.next}
            <Icon name="chevronRight" className="size-4 rtl:-scale-x-100" />
          </span>
        )}
      </div>
    </nav>
  );
}
