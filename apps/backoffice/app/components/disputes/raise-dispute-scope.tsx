import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { Card } from "@settle/ui/card";
import { MoneyField, RadioGroupField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { useMoneyWords } from "../../i18n/list-words.ts";
import { useTranslation } from "../../i18n/use-translation.ts";

type ConformField = Parameters<typeof MoneyField>[0]["field"];

const inputClass =
  "block w-full rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";

/** A checkbox's initial value as Conform gives it back: one value, several, or none. */
const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];

/**
 * What the customer disputes: the whole open amount, some lines (each for its total or part of
 * it) or an amount. `initialValue` and `errors` are the form's (what was typed, what was refused).
 */
export function RaiseDisputeScope({
  invoice,
  scope,
  amount,
  initialValue,
  errors,
}: {
  invoice: InvoiceDetail;
  scope: ConformField;
  amount: ConformField;
  initialValue: Record<string, unknown> | undefined;
  errors: Record<string, string[]>;
}) {
  const { t } = useTranslation("dispute-new");
  const money = useMoneyWords();
  const chosen = new Set(asList(initialValue?.line));
  const amounts = (initialValue?.lineAmount ?? {}) as Record<string, string | undefined>;
  const lineErrors = Object.entries(errors)
    .filter(([name]) => name === "line" || name === "lines" || name.startsWith("lines."))
    .flatMap(([, messages]) => messages);
  return (
    <Card title={t("scope.title")}>
      <RadioGroupField
        label={t("scope.label")}
        hideLabel
        field={scope}
        options={[
          {
            value: "WHOLE",
            label: t("scope.whole", { amount: money(invoice.openAmount, invoice.currency) }),
          },
          { value: "LINES", label: t("scope.lines") },
          { value: "AMOUNT", label: t("scope.amount") },
        ]}
      />
      <MoneyField
        label={
          <Trans
            t={t}
            i18nKey="scope.amountLabel"
            values={{ currency: invoice.currency }}
            components={[<span key="hint" className="font-normal text-ink-muted" />]}
          />
        }
        field={amount}
        currency={invoice.currency}
        maxLength={30}
        className="mt-4 max-w-xs"
      />
      <div className="mt-5 overflow-x-auto">
        <table
          className="min-w-full text-sm"
          aria-describedby={lineErrors.length ? "raise-lines-error" : undefined}
        >
          <caption className="mb-2 text-start text-sm font-medium text-ink">{t("scope.caption")}</caption>
          <thead>
            <tr className="text-xs text-ink-muted uppercase">
              <th scope="col" className="py-1.5 pe-3 text-start font-semibold">
                {t("scope.dispute")}
              </th>
              <th scope="col" className="py-1.5 pe-3 text-start font-semibold">
                {t("scope.line")}
              </th>
              <th scope="col" className="py-1.5 pe-3 text-end font-semibold">
                {t("scope.total")}
              </th>
              <th scope="col" className="py-1.5 text-end font-semibold">
                {t("scope.disputed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((l) => (
              <tr key={l.lineNo} className="border-t border-line">
                <td className="py-1.5 pe-3">
                  <input
                    id={`raise-line-${l.lineNo}`}
                    type="checkbox"
                    name="line"
                    value={l.lineNo}
                    defaultChecked={chosen.has(String(l.lineNo))}
                    disabled={l.openDispute !== null}
                    className="size-4"
                  />
                </td>
                <th scope="row" className="py-1.5 pe-3 text-start font-normal">
                  <label htmlFor={`raise-line-${l.lineNo}`}>
                    {l.lineNo}. {l.description}
                  </label>
                  {l.openDispute ? (
                    <Link
                      to={`/disputes/${l.openDispute.id}`}
                      className="ms-2 text-xs text-amber-800 underline"
                    >
                      {t("scope.inDispute", { label: `D-${l.openDispute.number}` })}
                    </Link>
                  ) : null}
                </th>
                <td className="py-1.5 pe-3 text-end">
                  <MoneyText amount={l.totalAmount} currency={invoice.currency} />
                </td>
                <td className="py-1.5 text-end">
                  <label htmlFor={`raise-line-amount-${l.lineNo}`} className="sr-only">
                    {t("scope.lineAmount", { lineNo: l.lineNo })}
                  </label>
                  <input
                    id={`raise-line-amount-${l.lineNo}`}
                    name={`lineAmount.${l.lineNo}`}
                    inputMode="decimal"
                    maxLength={30}
                    placeholder={t("scope.wholeLine")}
                    defaultValue={amounts[String(l.lineNo)] ?? ""}
                    disabled={l.openDispute !== null}
                    aria-invalid={errors[`lines.${l.lineNo}`] ? true : undefined}
                    className={`${inputClass} ms-auto max-w-36 text-end`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {lineErrors.length ? (
          <p id="raise-lines-error" className="mt-2 text-sm text-red-700">
            {lineErrors.join(" ")}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
