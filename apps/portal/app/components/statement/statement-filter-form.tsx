import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DateField, SelectField } from "@settle/ui/fields";
import { Form, Link, useLocation } from "react-router";
import { ConsolidatedSwitch } from "~/components/consolidated-switch";
import { useTranslation } from "~/i18n/use-translation";
import type { PageStatement } from "./statement-for-page";
import { isoDate, periodPresets, statementFilters, statementQuery } from "./statement-query";

/**
 * The statement's view, period, currency, legal entity and consolidation (a GET form: the URL is
 * the state), and links to the usual periods. Without a statement (a period it cannot have) the
 * fields show what was asked for.
 */
export function StatementFilterForm({
  statement,
  query,
  base,
}: {
  statement: PageStatement | null;
  query: Record<string, string>;
  base: string;
}) {
  const { t } = useTranslation("statement");
  const location = useLocation();
  const view = statement?.view ?? (query.view === "open" ? "open" : "activity");
  const from = statement && statement.view === "activity" ? isoDate(statement.from) : (query.from ?? "");
  const to = statement && statement.view === "activity" ? isoDate(statement.to) : (query.to ?? "");
  const today = statement?.today ?? new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const keep = statement ? statementFilters(statement) : {};

  return (
    <Card className="mb-6">
      {/* Keyed by the query: after a client-side navigation the fields show the new period. */}
      <Form key={location.search} method="get" className="space-y-4" aria-label={t("filters.label")}>
        <div className="flex flex-wrap items-end gap-4">
          <fieldset className="min-w-0">
            <legend className="mb-1.5 text-sm font-medium text-ink">{t("filters.view")}</legend>
            <div className="flex gap-4 text-sm">
              {(["activity", "open"] as const).map((value) => (
                <label key={value} className="inline-flex items-center gap-2">
                  <input
                    type="radio"
                    name="view"
                    value={value}
                    defaultChecked={view === value}
                    className="size-4 accent-brand-600"
                  />
                  {t(`filters.views.${value}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <DateField label={t("filters.from")} name="from" id="statement-from" defaultValue={from} />
          <DateField label={t("filters.to")} name="to" id="statement-to" defaultValue={to} />
          {statement && statement.currencies.length > 1 ? (
            <SelectField
              label={t("filters.currency")}
              name="currency"
              id="statement-currency"
              defaultValue={statement.currency}
              options={statement.currencies.map((c) => ({ value: c, label: c }))}
            />
          ) : null}
          {statement && statement.legalEntities.length > 1 ? (
            <SelectField
              label={t("filters.legalEntity")}
              name="legalEntityId"
              id="statement-entity"
              defaultValue={statement.legalEntityId ?? ""}
              placeholder={t("filters.allLegalEntities")}
              options={statement.legalEntities.map((e) => ({ value: e.id, label: e.name }))}
            />
          ) : null}
          {statement?.hasChildren ? (
            <ConsolidatedSwitch
              checked={statement.consolidated}
              label={t("filters.consolidated")}
              className="pb-2"
            />
          ) : null}
          <Button type="submit" variant="primary">
            {t("filters.apply")}
          </Button>
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="text-ink-muted">{t("filters.presets")}</span>
          {periodPresets(today).map((p) => (
            <Link
              key={p.key}
              to={`${base}/statement${statementQuery({ ...keep, view: "activity", from: p.from, to: p.to })}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {t(`filters.preset.${p.key}`)}
            </Link>
          ))}
        </div>
      </Form>
    </Card>
  );
}
