import { Pagination, type PaginationProps } from "@settle/ui/pagination";
import { usePaginationText } from "../i18n/list-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";

export type ListPaginationProps = Omit<PaginationProps, "label" | "text" | "locale"> & {
  /** What the list holds, in the page's language ("customers"), for the landmark "Pages of customers". */
  rows: string;
};

/** A back office list's page links: packages/ui's <Pagination> in the page's language and numbers. */
export function ListPagination({ rows, ...props }: ListPaginationProps) {
  const { t } = useTranslation("common");
  const text = usePaginationText();
  return <Pagination {...props} label={t("pagination.landmark", { label: rows })} text={text} />;
}
