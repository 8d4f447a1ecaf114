import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";

const CELL = "border-b border-line px-4 py-2.5 align-top first:ps-5 last:pe-5";

/** The payments and credits applied to the invoice, reversed ones struck through. */
export function InvoicePaymentsCard({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation("invoices");
  const locale = useLocale();
  if (invoice.payments.length === 0) {
    return (
      <Card title={t("detail.payments")} id="payments" flush>
        <EmptyState icon="inbox" title={t("detail.noPayments")} description={t("detail.noPaymentsHint")} />
      </Card>
    );
  }
  return (
    <Card title={t("detail.payments")} id="payments" flush>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("detail.paymentsCaption")}</caption>
          <thead className="bg-slate-50 text-xs font-semibold tracking-wide whitespace-nowrap text-ink-muted uppercase">
            <tr>
              <th scope="col" className={`${CELL} text-start`}>
                {t("detail.appliedOn")}
              </th>
              <th scope="col" className={`${CELL} text-start`}>
                {t("detail.document")}
              </th>
              <th scope="col" className={`${CELL} text-start max-md:hidden`}>
                {t("detail.documentDate")}
              </th>
              <th scope="col" className={`${CELL} text-start max-md:hidden`}>
                {t("detail.reference")}
              </th>
              <th scope="col" className={`${CELL} text-end`}>
                {t("detail.appliedAmount")}
              </th>
              <th scope="col" className={`${CELL} text-start`}>
                {t("detail.state")}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.payments.map((p) => (
              <tr key={p.id} className={p.reversed ? "text-ink-faint" : undefined}>
                <td className={`${CELL} whitespace-nowrap`}>
                  <DateText value={p.appliedAt} locale={locale} />
                </td>
                <th scope="row" className={`${CELL} text-start font-normal`}>
                  <span className="block font-medium whitespace-nowrap">{p.credit.number}</span>
                  <span className="block text-xs text-ink-faint">
                    {t(`common:kinds.${p.credit.kind}`)}
                    {p.credit.paymentMethod ? ` · ${t(`detail.methods.${p.credit.paymentMethod}`)}` : ""}
                  </span>
                </th>
                <td className={`${CELL} whitespace-nowrap max-md:hidden`}>
                  <DateText value={p.credit.documentDate} locale={locale} />
                </td>
                <td className={`${CELL} max-md:hidden`}>{p.credit.reference ?? ""}</td>
                <td className={`${CELL} text-end`}>
                  <MoneyText
                    amount={p.amount}
                    currency={invoice.currency}
                    locale={locale}
                    className={p.reversed ? "line-through" : "font-medium"}
                  />
                </td>
                <td className={CELL}>
                  {p.reversed ? (
                    <span className="text-sm">
                      <Trans
                        t={t}
                        i18nKey="detail.reversedOn"
                        components={{ date: <DateText value={p.reversed.at} locale={locale} /> }}
                      />
                      {p.reversed.reason ? <span className="block text-xs">{p.reversed.reason}</span> : null}
                    </span>
                  ) : (
                    <span className="text-sm text-emerald-700">{t("detail.applied")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
