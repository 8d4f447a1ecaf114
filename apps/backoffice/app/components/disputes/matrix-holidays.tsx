import { getFormProps } from "@conform-to/react";
import type { DisputeMatrix } from "@settle/domain/disputes/get-dispute-matrix";
import { DisputeMatrixFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { DateField, SelectField, TextField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { matrixIssueWords } from "./dispute-issue-words.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

type Holidays = DisputeMatrix["holidays"];
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A legal entity's holidays in a year (deadlines skip them); an editor adds and removes them. */
export function MatrixHolidays({ matrix, answer }: { matrix: DisputeMatrix; answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute-matrix");
  const { entity, year, rows } = matrix.holidays;
  return (
    <Card title={t("holidays.title")}>
      <div className="space-y-4">
        <p className="text-sm text-ink-muted">{t("holidays.text")}</p>
        <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("holidays.calendar")}>
          <SelectField
            label={t("holidays.legalEntity")}
            name="entity"
            id="holiday-entity"
            defaultValue={entity?.id ?? ""}
            key={entity?.id}
            options={matrix.entities.map((e) => ({ value: e.id, label: e.name }))}
          />
          <TextField
            label={t("holidays.year")}
            name="year"
            id="holiday-year"
            inputMode="numeric"
            defaultValue={String(year)}
            key={year}
            className="w-28"
          />
          <Button type="submit" variant="secondary">
            {t("holidays.show")}
          </Button>
        </Form>
        <FormOutcome
          done={doneFor(answer, "holiday-set", "holiday-remove")}
          errors={replyFor(answer, "holiday-remove")?.error?.[""] ?? undefined}
        />
        {entity ? (
          <HolidayList entity={entity} year={year} rows={rows} />
        ) : (
          <p className="text-sm text-ink-muted">{t("holidays.noEntities")}</p>
        )}
        {entity ? <HolidayForm entityId={entity.id} answer={answer} /> : null}
      </div>
    </Card>
  );
}

function HolidayList({
  entity,
  year,
  rows,
}: {
  entity: NonNullable<Holidays["entity"]>;
  year: number;
  rows: Holidays["rows"];
}) {
  const { t } = useTranslation("dispute-matrix");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  if (rows.length === 0) {
    return <p className="text-sm text-ink-muted">{t("holidays.none", { entity: entity.name, year })}</p>;
  }
  return (
    <ul
      className="divide-y divide-line text-sm"
      aria-label={t("holidays.list", { entity: entity.name, year })}
    >
      {rows.map((h) => (
        <li key={isoDay(h.date)} className="flex items-center justify-between gap-3 py-2">
          <span>
            <DateText value={h.date} className="tabular me-3 font-medium" />
            {h.name}
          </span>
          <Form method="post">
            <CsrfInput token={csrf} />
            <input type="hidden" name="intent" value="holiday-remove" />
            <input type="hidden" name="legalEntityId" value={entity.id} />
            <input type="hidden" name="date" value={isoDay(h.date)} />
            <Button
              type="submit"
              variant="ghost"
              size="sm"
              disabled={busy}
              aria-label={t("holidays.removeOne", { name: h.name, date: isoDay(h.date) })}
            >
              {t("holidays.remove")}
            </Button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

function HolidayForm({ entityId, answer }: { entityId: string; answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute-matrix");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useIntentForm(
    DisputeMatrixFormSchema,
    "holiday-set",
    replyFor(answer, "holiday-set"),
    undefined,
    matrixIssueWords(t),
  );
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="flex flex-wrap items-end gap-3 border-t border-line pt-4"
    >
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="holiday-set" />
      <input type="hidden" name="legalEntityId" value={entityId} />
      <FormOutcome errors={form.errors} id={form.errorId} />
      <DateField label={t("holidays.date")} field={fields.date} required />
      <TextField label={t("holidays.name")} field={fields.name} maxLength={120} className="min-w-48 flex-1" />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("holidays.add")}
      </Button>
    </Form>
  );
}
