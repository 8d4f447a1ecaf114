import { Link, useLocation } from "react-router";
import { cx } from "./cx.ts";
import { Icon } from "./icon.tsx";
import { usePageLocale } from "./page-locale.tsx";

export interface PaginationProps {
  page: number;
  pageCount: number;
  /** Total number of rows, for "1–25 of 1,000". */
  total?: number;
  pageSize?: number;
  /** The navigation landmark's name in the page's language, e.g. "Pages of customers". */
  label: string;
  /** URL parameter name, when a page has more than one paged list. */
  param?: string;
  /** The language of the numbers; the page's (<PageLocaleProvider>) by default. */
  locale?: string;
  /** The control's words in the page's language. */
  text: PaginationText;
}

export interface PaginationText {
  /** "Page 2 of 40", numbers already formatted for the locale. */
  pageOf: (page: string, pageCount: string) => string;
  /** "26–50 of 1,000", numbers already formatted. */
  range: (first: string, last: string, total: string) => string;
  previous: string;
  next: string;
}

const linkBase =
  "inline-flex items-center gap-1 rounded-lg px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 bg-surface shadow-sm";

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    formats.set(locale, format);
  }
  return format;
}

/**
 * A paged list's footer (below its table, with a rule above): previous/next links that keep the
 * other URL parameters, with "Page X of Y · 26–50 of 1,000". The words are the app's.
 */
export function Pagination({
  page,
  pageCount,
  total,
  pageSize,
  label,
  param = "page",
  locale: given,
  text,
}: PaginationProps) {
  const location = useLocation();
  const pageLocale = usePageLocale();
  const href = (n: number) => {
    const search = new URLSearchParams(location.search);
    if (n <= 1) search.delete(param);
    else search.set(param, String(n));
    const query = search.toString();
    return query ? `${location.pathname}?${query}` : location.pathname;
  };
  const nf = numberFormat(given ?? pageLocale);
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
      aria-label={label}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-5 py-3"
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
