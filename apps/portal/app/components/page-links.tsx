import { Icon } from "@settle/ui/icon";
import { Link, useLocation } from "react-router";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "~/i18n/use-translation";

export interface PageLinksProps {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  /** Names the list for the navigation landmark ("Pages of invoices"). */
  label: string;
}

const linkBase =
  "inline-flex items-center gap-1 rounded-lg px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 bg-surface shadow-sm";

/** Previous/next links that keep the other URL parameters, with "Page 2 of 9 · 26–50 of 214". */
export function PageLinks({ page, pageCount, total, pageSize, label }: PageLinksProps) {
  const { t } = useTranslation("invoices");
  const format = useFormat();
  const location = useLocation();
  const href = (n: number) => {
    const search = new URLSearchParams(location.search);
    if (n <= 1) search.delete("page");
    else search.set("page", String(n));
    const query = search.toString();
    return query ? `${location.pathname}?${query}` : location.pathname;
  };
  const prev = page > 1 ? Math.min(page - 1, pageCount) : undefined;
  const next = page < pageCount ? page + 1 : undefined;
  const range =
    total > 0 && page <= pageCount
      ? t("paging.range", {
          first: format.number((page - 1) * pageSize + 1),
          last: format.number(Math.min(page * pageSize, total)),
          total: format.number(total),
        })
      : null;
  const disabled = `${linkBase} cursor-not-allowed text-slate-400 shadow-none`;
  const enabled = `${linkBase} text-ink hover:bg-slate-50`;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
      <p className="tabular text-sm text-ink-muted">
        {t("paging.page", { page: format.number(page), pages: format.number(pageCount) })}
        {range ? <span className="text-ink-faint"> · {range}</span> : null}
      </p>
      <div className="flex items-center gap-2">
        {prev ? (
          <Link to={href(prev)} rel="prev" className={enabled}>
            <Icon name="chevronLeft" className="size-4 rtl:rotate-180" />
            {t("paging.previous")}
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            <Icon name="chevronLeft" className="size-4 rtl:rotate-180" />
            {t("paging.previous")}
          </span>
        )}
        {next ? (
          <Link to={href(next)} rel="next" className={enabled}>
            {t("paging.next")}
            <Icon name="chevronRight" className="size-4 rtl:rotate-180" />
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            {t("paging.next")}
            <Icon name="chevronRight" className="size-4 rtl:rotate-180" />
          </span>
        )}
      </div>
    </nav>
  );
}
