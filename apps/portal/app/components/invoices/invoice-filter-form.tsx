import { INVOICE_FILTERS } from "@settle/domain/invoices/invoice-list-options";
import { DateField, SelectField } from "@settle/ui/fields";
import { Icon } from "@settle/ui/icon";
import { ConsolidatedSwitch } from "~/components/consolidated-switch";
import { ListFilterForm } from "~/components/list-filter-form";
import { useTranslation } from "~/i18n/use-translation";
import type { PageInvoiceList } from "./invoice-list-for-page";
import { isFiltered, isoDate } from "./invoice-list-query";

const SEARCH =
  "block w-full rounded-lg border-0 bg-surface px-3 py-2 ps-9 text-sm text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";

/**
 * Search, status, due dates, "overdue only" and, for a parent account, its child accounts' too (a
 * GET form: the URL is the state). Without a list (a filter it cannot apply) the fields show what
 * was asked for.
 */
export function InvoiceFilterForm({
  list,
  query,
  base,
}: {
  list: PageInvoiceList | null;
  query: Record<string, string>;
  base: string;
}) {
  const { t } = useTranslation("invoices");
  const f = list?.filters;
  const filtered = f ? isFiltered(f) : true;
  return (
    <ListFilterForm
      label={t("filters.label")}
      sort={list?.sort ?? query.sort ?? ""}
      dir={list?.dir ?? query.dir ?? ""}
      filtered={filtered}
      clearTo={`${base}/invoices`}
      applyLabel={t("filters.apply")}
      clearLabel={t("filters.clear")}
    >
      <div className="min-w-56 flex-1 space-y-1.5">
        <label htmlFor="invoice-search" className="block text-sm font-medium text-ink">
          {t("filters.search")}
        </label>
        <div className="relative">
          <Icon
            name="search"
            className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-slate-400"
          />
          <input
            id="invoice-search"
            type="search"
            name="q"
            defaultValue={f?.q ?? query.q ?? ""}
            placeholder={t("filters.searchPlaceholder")}
            maxLength={100}
            aria-describedby="invoice-search-hint"
            className={SEARCH}
          />
        </div>
        <p id="invoice-search-hint" className="text-xs text-ink-faint">
          {t("filters.searchHint")}
        </p>
      </div>
      <SelectField
        label={t("filters.status")}
        name="status"
        id="invoice-status"
        defaultValue={f?.status ?? ""}
        placeholder={t("filters.allStatuses")}
        options={INVOICE_FILTERS.map((s) => ({ value: s, label: t(`filters.statuses.${s}`) }))}
        className="pb-5"
      />
      <DateField
        label={t("filters.dueFrom")}
        name="dueFrom"
        id="invoice-due-from"
        defaultValue={f?.dueFrom ? isoDate(f.dueFrom) : (query.dueFrom ?? "")}
        className="pb-5"
      />
      <DateField
        label={t("filters.dueTo")}
        name="dueTo"
        id="invoice-due-to"
        defaultValue={f?.dueTo ? isoDate(f.dueTo) : (query.dueTo ?? "")}
        className="pb-5"
      />
      <label className="inline-flex items-center gap-2 pb-7 text-sm text-ink">
        <input
          type="checkbox"
          name="overdueOnly"
          value="1"
          defaultChecked={f?.overdueOnly ?? false}
          className="size-4 accent-brand-600"
        />
        {t("filters.overdueOnly")}
      </label>
      {list?.hasChildren ? (
        <ConsolidatedSwitch checked={list.consolidated} label={t("filters.consolidated")} className="pb-7" />
      ) : null}
    </ListFilterForm>
  );
}
