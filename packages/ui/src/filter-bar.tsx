import type { ReactNode } from "react";
import { Form, Link, useLocation } from "react-router";
import { buttonClasses } from "./button.tsx";
import { cx } from "./cx.ts";
import { Icon } from "./icon.tsx";

export interface FilterBarText {
  /** The form's accessible name, e.g. "Filter disputes". */
  label: string;
  searchLabel: string;
  searchPlaceholder?: string;
  apply: string;
  clear: string;
}

/**
 * A list's search and filters: a GET form (the URL is the state, so filtered lists can be
 * bookmarked and shared), a search box, the page's filters as `children` (SelectFields), Apply,
 * and Clear when anything is set. `keep` carries parameters the bar does not show (the status
 * tab, the sort). Keyed by the URL's query, so every field shows the list's values again after
 * a navigation (Clear, a tab, the back button).
 */
export function FilterBar({
  text,
  action,
  query,
  keep = {},
  active,
  children,
  className,
}: {
  text: FilterBarText;
  /** The list's path. */
  action: string;
  /** The search box's value. */
  query: string;
  keep?: Record<string, string | undefined>;
  /** Whether a search or filter is set (shows Clear). */
  active: boolean;
  children?: ReactNode;
  className?: string;
}) {
  const location = useLocation();
  const kept = Object.entries(keep).filter((entry): entry is [string, string] => !!entry[1]);
  const clearHref = (() => {
    const search = new URLSearchParams(kept);
    const t = search.toString();
    return t ? `${action}?${t}` : action;
  })();
  return (
    <Form
      method="get"
      action={action}
      key={location.search}
      aria-label={text.label}
      role="search"
      className={cx("flex flex-wrap items-end gap-3", className)}
    >
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="min-w-56 flex-1 space-y-1">
        <label htmlFor="filter-bar-q" className="block text-xs font-medium text-ink-muted">
          {text.searchLabel}
        </label>
        <div className="relative">
          <Icon
            name="search"
            className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-ink-faint"
          />
          <input
            id="filter-bar-q"
            type="search"
            name="q"
            defaultValue={query}
            placeholder={text.searchPlaceholder}
            className="block w-full rounded-lg border border-line bg-surface py-2 ps-9 pe-3 text-sm"
          />
        </div>
      </div>
      {children}
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("secondary", "md")}>
          {text.apply}
        </button>
        {active ? (
          <Link to={clearHref} className={buttonClasses("ghost", "md")}>
            {text.clear}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
