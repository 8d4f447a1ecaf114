import { PAYMENT_FILTERS } from "@settle/domain/payments/payment-list-options";
import { SelectField, TextField } from "@settle/ui/fields";
import { ListFilterForm } from "~/components/list-filter-form";
import { useTranslation } from "~/i18n/use-translation";

/**
 * Search by number and a type. Without a list (a filter it cannot apply) the fields show what was
 * asked for.
 */
export function PaymentHistoryFilter({
  filters,
  sort,
  query,
  base,
}: {
  filters: { q: string; type: string | null } | null;
  sort: { sort: string; dir: string } | null;
  query: Record<string, string>;
  base: string;
}) {
  const { t } = useTranslation("payment-history");
  return (
    <ListFilterForm
      label={t("filters.label")}
      sort={sort?.sort ?? query.sort ?? ""}
      dir={sort?.dir ?? query.dir ?? ""}
      filtered={filters ? !!(filters.q || filters.type) : true}
      clearTo={`${base}/payments`}
      applyLabel={t("filters.apply")}
      clearLabel={t("filters.clear")}
    >
      <TextField
        label={t("filters.search")}
        name="q"
        id="payment-search"
        type="search"
        defaultValue={filters?.q ?? query.q ?? ""}
        placeholder={t("filters.searchPlaceholder")}
        maxLength={100}
        description={t("filters.searchHint")}
        className="min-w-56 flex-1"
      />
      <SelectField
        label={t("filters.type")}
        name="type"
        id="payment-type"
        defaultValue={filters?.type ?? query.type ?? ""}
        placeholder={t("filters.allTypes")}
        options={PAYMENT_FILTERS.map((type) => ({ value: type, label: t(`filters.types.${type}`) }))}
        className="pb-5"
      />
    </ListFilterForm>
  );
}
