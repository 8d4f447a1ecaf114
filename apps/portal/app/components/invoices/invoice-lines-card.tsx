import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { Card } from "@settle/ui/card";
import { MoneyText } from "@settle/ui/money-text";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import { formatQuantity, formatRate } from "./invoice-numbers";

const CELL = "border-b border-line px-4 py-2.5 align-top first:ps-5 last:pe-5";

/** The invoice's lines, tax per rate, total, what is cleared and what is open. */
export function InvoiceLinesCard({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation("invoices");
  const locale = useLocale();
  const money = (amount: bigint) => <MoneyText amount={amount} currency={invoice.currency} locale={locale} />;
  const totalRow = (label: string, amount: bigint, strong = false) => (
    <tr key={label}>
      <th
        scope="row"
        colSpan={7}
        className={`${CELL} text-end ${strong ? "font-semibold text-ink" : "font-normal text-ink-muted"}`}
      >
        {label}
      </th>
      <td className={`${CELL} text-end ${strong ? "font-semibold" : ""}`}>{money(amount)}</td>
    </tr>
  );
  const amountHeads = [
    "detail.quantity",
    "detail.unitPrice",
    "detail.taxRate",
    "detail.net",
    "detail.tax",
    "detail.lineTotal",
  ] as const;
  return (
    <Card title={t("detail.lines")} id="lines" flush>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("detail.linesCaption")}</caption>
          <thead className="bg-slate-50 text-xs font-semibold tracking-wide whitespace-nowrap text-ink-muted uppercase">
            <tr>
              <th scope="col" className={`${CELL} text-start`}>
                #
              </th>
              <th scope="col" className={`${CELL} text-start`}>
                {t("detail.item")}
              </th>
              {amountHeads.map((key) => (
                <th key={key} scope="col" className={`${CELL} text-end`}>
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {invoice.lines.length === 0 ? (
              <tr>
                <td colSpan={8} className={`${CELL} py-6 text-center text-ink-muted`}>
                  {t("detail.noLines")}
                </td>
              </tr>
            ) : (
              invoice.lines.map((line) => (
                <tr key={line.lineNo}>
                  <td className={`${CELL} text-ink-faint`}>{line.lineNo}</td>
                  <th scope="row" className={`${CELL} text-start font-normal`}>
                    <span className="block text-ink">{line.description}</span>
                    {line.sku ? <span className="block text-xs text-ink-faint">{line.sku}</span> : null}
                  </th>
                  <td className={`${CELL} tabular text-end`}>{formatQuantity(line.quantityMilli, locale)}</td>
                  <td className={`${CELL} text-end`}>{money(line.unitPrice)}</td>
                  <td className={`${CELL} tabular text-end`}>{formatRate(line.taxRateBp, locale)}</td>
                  <td className={`${CELL} text-end`}>{money(line.netAmount)}</td>
                  <td className={`${CELL} text-end`}>{money(line.taxAmount)}</td>
                  <td className={`${CELL} text-end font-medium`}>{money(line.totalAmount)}</td>
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            {totalRow(t("detail.netTotal"), invoice.totals.net)}
            {invoice.totals.taxByRate.map((rate) =>
              totalRow(t("detail.taxAt", { rate: formatRate(rate.taxRateBp, locale) }), rate.tax),
            )}
            {totalRow(t("detail.total"), invoice.totals.total, true)}
            {invoice.clearedAmount > 0n ? totalRow(t("detail.cleared"), -invoice.clearedAmount) : null}
            {totalRow(t("detail.open"), invoice.openAmount, true)}
          </tfoot>
        </table>
      </div>
    </Card>
  );
}
