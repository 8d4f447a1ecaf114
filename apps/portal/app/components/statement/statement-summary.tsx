import { Alert } from "@settle/ui/alert";
import { MoneyText } from "@settle/ui/money-text";
import { StatCard } from "@settle/ui/stat-card";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import type { PageStatement } from "./statement-for-page";

/** Which other currencies the account has (each its own statement). */
export function OtherCurrencies({ statement }: { statement: PageStatement }) {
  const { t } = useTranslation("statement");
  const others = statement.currencies.filter((c) => c !== statement.currency);
  if (others.length === 0) return null;
  return (
    <Alert tone="info">
      {t("otherCurrencies", { currency: statement.currency, others: others.join(", ") })}
    </Alert>
  );
}

/** Opening balance, debits, credits and closing balance (the open view: what is open of each). */
export function StatementSummary({ statement }: { statement: PageStatement }) {
  const { t } = useTranslation("statement");
  const locale = useLocale();
  const format = useFormat();
  const money = (amount: bigint) => (
    <MoneyText amount={amount} currency={statement.currency} locale={locale} />
  );
  const open = statement.view === "open";
  const { totals } = statement;
  return (
    <section aria-labelledby="statement-summary">
      <h2 id="statement-summary" className="sr-only">
        {t("summary.title")}
      </h2>
      <div className={`grid gap-4 ${open ? "sm:grid-cols-3" : "sm:grid-cols-2 lg:grid-cols-4"}`}>
        {open ? null : (
          <div data-summary="opening">
            <StatCard
              label={t("summary.opening")}
              value={money(totals.opening)}
              hint={t("summary.openingHint", { date: format.date(statement.from) })}
            />
          </div>
        )}
        <div data-summary="debits">
          <StatCard
            label={t(open ? "summary.openDebits" : "summary.debits")}
            value={money(totals.debits)}
            hint={t(open ? "summary.openDebitsHint" : "summary.debitsHint")}
          />
        </div>
        <div data-summary="credits">
          <StatCard
            label={t(open ? "summary.openCredits" : "summary.credits")}
            value={money(totals.credits)}
            hint={t(open ? "summary.openCreditsHint" : "summary.creditsHint")}
            tone="success"
          />
        </div>
        <div data-summary="closing">
          <StatCard
            label={t(open ? "summary.openBalance" : "summary.closing")}
            value={money(totals.closing)}
            hint={t(
              totals.closing < 0n
                ? "summary.inCredit"
                : open
                  ? "summary.openBalanceHint"
                  : "summary.closingHint",
            )}
            tone={totals.closing < 0n ? "success" : "neutral"}
          />
        </div>
      </div>
    </section>
  );
}
