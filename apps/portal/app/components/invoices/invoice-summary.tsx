import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import { StatCard } from "@settle/ui/stat-card";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";

/** Amount, cleared and open (with its due date while something is open). */
export function InvoiceSummary({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation("invoices");
  const locale = useLocale();
  const money = (amount: bigint) => <MoneyText amount={amount} currency={invoice.currency} locale={locale} />;
  return (
    <section aria-labelledby="invoice-summary" className="mb-6">
      <h2 id="invoice-summary" className="sr-only">
        {t("detail.summary")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <div data-summary="amount">
          <StatCard label={t("detail.amount")} value={money(invoice.amount)} />
        </div>
        <div data-summary="cleared">
          <StatCard label={t("detail.cleared")} value={money(invoice.clearedAmount)} tone="success" />
        </div>
        <div data-summary="open">
          <StatCard
            label={t("detail.open")}
            value={money(invoice.openAmount)}
            tone={invoice.status.code === "OVERDUE" ? "danger" : "neutral"}
            hint={
              invoice.openAmount > 0n && invoice.dueDate ? (
                <Trans
                  t={t}
                  i18nKey="detail.dueOn"
                  components={{ date: <DateText value={invoice.dueDate} locale={locale} /> }}
                />
              ) : undefined
            }
          />
        </div>
      </div>
    </section>
  );
}
