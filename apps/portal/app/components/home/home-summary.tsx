import type { PortalHome } from "@settle/domain/portal/get-portal-home";
import { Alert } from "@settle/ui/alert";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import { StatCard } from "@settle/ui/stat-card";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";

/** Balance, overdue and open invoices in the account's first currency (the others are named). */
export function HomeSummary({ home }: { home: PortalHome }) {
  const { t } = useTranslation("home");
  const locale = useLocale();
  const [primary, ...otherCurrencies] = home.balances;
  if (!primary) return null;
  const oldestDue = home.oldestOpenItems.find((i) => i.dueDate)?.dueDate;
  return (
    <section aria-labelledby="summary-title" className="mb-8">
      <h2 id="summary-title" className="sr-only">
        {t("summary.title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard
          label={t("summary.balance")}
          value={<MoneyText amount={primary.balance} currency={primary.currency} locale={locale} />}
          hint={
            otherCurrencies.length > 0
              ? t("summary.otherCurrencies", {
                  currencies: new Intl.ListFormat(locale, { type: "conjunction" }).format(
                    otherCurrencies.map((b) => b.currency),
                  ),
                })
              : primary.balance < 0n
                ? t("summary.inCredit")
                : t("summary.balanceHint")
          }
          tone={primary.balance < 0n ? "success" : "neutral"}
        />
        <StatCard
          label={t("summary.overdue")}
          value={<MoneyText amount={primary.overdue} currency={primary.currency} locale={locale} />}
          hint={
            home.overdueInvoiceCount > 0
              ? t("summary.overdueCount", { count: home.overdueInvoiceCount })
              : t("summary.nothingOverdue")
          }
          tone={home.balances.some((b) => b.overdue > 0n) ? "danger" : "success"}
        />
        <StatCard
          label={t("summary.openInvoices")}
          value={new Intl.NumberFormat(locale).format(home.openInvoiceCount)}
          hint={
            oldestDue ? (
              <Trans
                t={t}
                i18nKey="summary.oldestDue"
                components={{ date: <DateText value={oldestDue} locale={locale} /> }}
              />
            ) : (
              t("summary.allPaid")
            )
          }
        />
      </div>
    </section>
  );
}

/** How much is in dispute per currency, with a link to the account's disputes. */
export function InDisputeNotice({ home }: { home: PortalHome }) {
  const { t } = useTranslation("home");
  const locale = useLocale();
  if (home.inDispute.length === 0) return null;
  return (
    <Alert tone="warning" className="mb-8">
      <p>
        {home.inDispute.map((d, i) => (
          <span key={d.currency}>
            {i > 0 ? " · " : null}
            <Trans
              t={t}
              i18nKey="disputes:homeNotice"
              components={{
                amount: <MoneyText amount={d.amount} currency={d.currency} locale={locale} />,
              }}
            />
          </span>
        ))}{" "}
        <Link to={`/accounts/${home.customer.id}/disputes`} className="font-medium underline">
          {t("disputes:homeLink")}
        </Link>
      </p>
    </Alert>
  );
}
