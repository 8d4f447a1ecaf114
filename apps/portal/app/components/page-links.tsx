import { Pagination } from "@settle/ui/pagination";
import { useMemo } from "react";
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

/** A portal list's page links: packages/ui's <Pagination> in the page's language and numbers. */
export function PageLinks(props: PageLinksProps) {
  const { t } = useTranslation("invoices");
  const { locale } = useFormat();
  const text = useMemo(
    () => ({
      pageOf: (page: string, pages: string) => t("paging.page", { page, pages }),
      range: (first: string, last: string, total: string) => t("paging.range", { first, last, total }),
      previous: t("paging.previous"),
      next: t("paging.next"),
    }),
    [t],
  );
  return <Pagination {...props} locale={locale} text={text} />;
}
