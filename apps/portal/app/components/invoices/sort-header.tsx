import { Icon } from "@settle/ui/icon";
import { Link, useLocation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { sortSearch } from "./invoice-list-query";

/**
 * A column header that sorts a list by its column (again: the other way round). The invoice list
 * and the Payments tab use it with their own sort values.
 */
export function SortHeader<S extends string>({
  list,
  sort,
  label,
  firstDir = "asc",
  align = "start",
}: {
  list: { sort: S; dir: "asc" | "desc" };
  sort: S;
  label: string;
  firstDir?: "asc" | "desc";
  align?: "start" | "end";
}) {
  const { t } = useTranslation("invoices");
  const location = useLocation();
  const { search, active } = sortSearch(location.search, list, sort, firstDir);
  return (
    <th
      scope="col"
      aria-sort={active ? (list.dir === "asc" ? "ascending" : "descending") : undefined}
      className={`border-b border-line px-4 py-2.5 whitespace-nowrap first:ps-5 last:pe-5 ${align === "end" ? "text-end" : "text-start"}`}
    >
      <Link
        to={`${location.pathname}?${search}`}
        className={`group inline-flex items-center gap-1 rounded hover:text-ink ${align === "end" ? "flex-row-reverse" : ""} ${active ? "text-ink" : ""}`}
      >
        {label}
        <Icon
          name={active ? (list.dir === "asc" ? "chevronUp" : "chevronDown") : "sort"}
          className={`size-3.5 ${active ? "text-brand-600" : "text-slate-300 group-hover:text-slate-500"}`}
        />
        <span className="sr-only">
          {active
            ? t(list.dir === "asc" ? "table.sortedAscending" : "table.sortedDescending")
            : t("table.sortable")}
        </span>
      </Link>
    </th>
  );
}
