import { Card } from "@settle/ui/card";
import { MoneyText } from "@settle/ui/money-text";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import type { PageStatement } from "./statement-for-page";

/** A consolidated statement's figures per account (the parent and its children). */
export function AccountsCard({ statement, className }: { statement: PageStatement; className?: string }) {
  const { t } = useTranslation("statement");
  const locale = useLocale();
  const open = statement.view === "open";
  const cell = "border-b border-line px-4 py-2.5 first:ps-5 last:pe-5";
  const money = (amount: bigint) => (
    <MoneyText amount={amount} currency={statement.currency} locale={locale} />
  );
  return (
    <Card title={t("accounts.title")} id="accounts" flush className={className}>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("accounts.caption")}</caption>
          <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-ink-muted uppercase">
            <tr>
              <th scope="col" className={`${cell} text-start`}>
                {t("accounts.account")}
              </th>
              {open ? null : (
                <th scope="col" className={`${cell} text-end`}>
                  {t("summary.opening")}
                </th>
              )}
              <th scope="col" className={`${cell} text-end`}>
                {t("table.debit")}
              </th>
              <th scope="col" className={`${cell} text-end`}>
                {t("table.credit")}
              </th>
              <th scope="col" className={`${cell} text-end`}>
                {t(open ? "summary.openBalance" : "summary.closing")}
              </th>
            </tr>
          </thead>
          <tbody>
            {statement.accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row" className={`${cell} text-start font-normal`}>
                  <span className="block font-medium text-ink">
                    <bdi>{a.name}</bdi>
                  </span>
                  <span className="block text-xs text-ink-faint">{a.accountNumber}</span>
                </th>
                {open ? null : <td className={`${cell} text-end`}>{money(a.opening)}</td>}
                <td className={`${cell} text-end`}>{money(a.debits)}</td>
                <td className={`${cell} text-end`}>{money(a.credits)}</td>
                <td className={`${cell} text-end font-semibold`}>{money(a.closing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
