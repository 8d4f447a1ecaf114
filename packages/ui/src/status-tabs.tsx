import { Link } from "react-router";
import { cx } from "./cx.ts";

export interface StatusTab {
  /** The tab's value in the URL ("" for the default tab). */
  key: string;
  label: string;
  /** Shown beside the label when given (already counted by the page). */
  count?: number;
  /** Where the tab leads: the list with this status and the page's other filters, page 1. */
  href: string;
}

/**
 * Tabs over a list's statuses, each a link (works without JavaScript; the current one is
 * `aria-current="page"`). Counts are formatted with `formatCount` (the page's locale).
 */
export function StatusTabs({
  label,
  tabs,
  current,
  formatCount = (n) => String(n),
  className,
}: {
  /** The navigation's accessible name, e.g. "Filter by status". */
  label: string;
  tabs: readonly StatusTab[];
  current: string;
  formatCount?: (count: number) => string;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={cx("border-b border-line px-5", className)}>
      <ul className="-mb-px flex gap-5 overflow-x-auto text-sm font-medium">
        {tabs.map((tab) => {
          const active = tab.key === current;
          return (
            <li key={tab.key || "default"}>
              <Link
                to={tab.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "inline-flex items-center gap-1.5 border-b-2 px-1 py-3 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-brand-600",
                  active
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-ink-muted hover:border-slate-300 hover:text-ink",
                )}
              >
                {tab.label}
                {tab.count !== undefined ? (
                  <span className="tabular rounded-full bg-slate-100 px-1.5 text-xs text-ink-muted">
                    {formatCount(tab.count)}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * A list URL with some parameters changed: empty values are left out, so links stay short and
 * the default of each filter is its absence.
 */
export function listHref(path: string, params: Record<string, string | number | boolean | null | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    search.set(key, value === true ? "1" : String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
