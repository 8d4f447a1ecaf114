import type { FieldMetadata } from "@conform-to/react";
import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { amountExample } from "@settle/domain/money/typed-amount";
import { Card } from "@settle/ui/card";
import { MoneyText } from "@settle/ui/money-text";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";

// biome-ignore lint/suspicious/noExplicitAny: Conform's field metadata for any of the form's fields.
type Field = FieldMetadata<any, any, string[]>;

const INPUT =
  "block w-full rounded-md border-0 px-3 py-2 text-sm text-ink ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";

function FieldError({ id, errors }: { id?: string; errors: readonly string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}

/**
 * What is disputed: the whole invoice, some lines (each for its total or the amount typed beside
 * it; lines another dispute holds link to it) or an amount.
 */
export function RaiseScope({
  invoice,
  base,
  fields,
  errorsOf,
}: {
  invoice: InvoiceDetail;
  base: string;
  fields: { scope: Field; line: Field; amount: Field };
  /** Errors of a field by name (the line amounts are `lineAmount[n]`). */
  errorsOf: (name: string) => string[] | undefined;
}) {
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  const money = (amount: bigint) => <MoneyText amount={amount} currency={invoice.currency} locale={locale} />;
  const scope =
    typeof fields.scope.initialValue === "string"
      ? fields.scope.initialValue
      : invoice.inDispute
        ? "LINES"
        : "WHOLE";
  const chosen = new Set([fields.line.initialValue ?? []].flat().map(String));
  return (
    <Card title={t("raise.whatTitle")}>
      <fieldset className="space-y-3">
        <legend className="sr-only">{t("raise.whatTitle")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={fields.scope.name} value="WHOLE" defaultChecked={scope === "WHOLE"} />
          <span>
            <Trans t={t} i18nKey="raise.scopeWHOLE" components={{ amount: money(invoice.openAmount) }} />
          </span>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={fields.scope.name} value="LINES" defaultChecked={scope === "LINES"} />
          <span>{t("raise.scopeLINES")}</span>
        </label>
        <fieldset
          className="ms-6 space-y-2"
          aria-describedby={fields.line.errors ? fields.line.errorId : undefined}
        >
          <legend className="text-sm font-medium text-ink">{t("raise.lines")}</legend>
          {invoice.lines.map((line) => (
            <div key={line.lineNo} className="flex flex-wrap items-center gap-3 text-sm">
              <label className="flex min-w-64 items-center gap-2">
                <input
                  type="checkbox"
                  name={fields.line.name}
                  value={line.lineNo}
                  defaultChecked={chosen.has(String(line.lineNo))}
                  disabled={!!line.openDispute}
                />
                <span>
                  {line.lineNo}. <bdi>{line.description}</bdi> · {money(line.totalAmount)}
                </span>
              </label>
              {line.openDispute ? (
                <Link to={`${base}/disputes/${line.openDispute.id}`} className="text-ink-muted underline">
                  {t("raise.lineHeld", { label: `D-${line.openDispute.number}` })}
                </Link>
              ) : (
                <LineAmount
                  lineNo={line.lineNo}
                  errors={errorsOf(`lineAmount[${line.lineNo}]`)}
                  currency={invoice.currency}
                />
              )}
            </div>
          ))}
          <FieldError id={fields.line.errorId} errors={fields.line.errors} />
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={fields.scope.name} value="AMOUNT" defaultChecked={scope === "AMOUNT"} />
          <span>{t("raise.scopeAMOUNT")}</span>
        </label>
        <div className="ms-6 max-w-60">
          <label htmlFor={fields.amount.id} className="block text-sm font-medium text-ink">
            {t("raise.amount", { currency: invoice.currency })}
          </label>
          <input
            id={fields.amount.id}
            type="text"
            inputMode="decimal"
            name={fields.amount.name}
            defaultValue={typeof fields.amount.initialValue === "string" ? fields.amount.initialValue : ""}
            placeholder={t("raise.amountHint", { example: amountExample(invoice.currency, locale) })}
            className={INPUT}
            aria-invalid={fields.amount.errors ? true : undefined}
            aria-describedby={fields.amount.errors ? fields.amount.errorId : undefined}
          />
          <FieldError id={fields.amount.errorId} errors={fields.amount.errors} />
        </div>
        <FieldError id={fields.scope.errorId} errors={fields.scope.errors} />
      </fieldset>
    </Card>
  );
}

function LineAmount({
  lineNo,
  errors,
  currency,
}: {
  lineNo: number;
  errors: string[] | undefined;
  currency: string;
}) {
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  const errorId = `line-amount-${lineNo}-error`;
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        name={`lineAmount[${lineNo}]`}
        aria-label={t("raise.lineAmount", { lineNo })}
        placeholder={t("raise.amountHint", { example: amountExample(currency, locale) })}
        className={`${INPUT} max-w-40`}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? errorId : undefined}
      />
      <FieldError id={errorId} errors={errors} />
    </>
  );
}
