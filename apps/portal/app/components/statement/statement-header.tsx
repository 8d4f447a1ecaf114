import { buttonClasses } from "@settle/ui/button";
import { DateText } from "@settle/ui/date-text";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import type { PageStatement } from "./statement-for-page";
import { statementFilters, statementQuery } from "./statement-query";

/** Under the title: the account, and the period (or the day of the open view). */
export function StatementDescription({ statement }: { statement: PageStatement }) {
  const { t } = useTranslation("statement");
  const locale = useLocale();
  return (
    <>
      <bdi>{statement.customer.name}</bdi> ·{" "}
      {/* Isolated runs: account numbers and dates must not reorder each other in Arabic. */}
      <bdi>{t("accountNumber", { number: statement.customer.accountNumber })}</bdi> ·{" "}
      <bdi>
        {statement.view === "open" ? (
          <Trans
            t={t}
            i18nKey="openAsOf"
            components={{ date: <DateText value={statement.today} locale={locale} /> }}
          />
        ) : (
          <Trans
            t={t}
            i18nKey="period"
            components={{
              from: <DateText value={statement.from} locale={locale} />,
              to: <DateText value={statement.to} locale={locale} />,
            }}
          />
        )}
      </bdi>
    </>
  );
}

/** The statement as PDF, CSV and Excel, with the filters it is shown with. */
export function StatementDownloads({ statement, base }: { statement: PageStatement; base: string }) {
  const { t } = useTranslation("statement");
  const query = statementQuery(statementFilters(statement));
  return (
    <div className="flex flex-wrap items-center gap-2">
      {(["pdf", "csv", "xlsx"] as const).map((format) => (
        <a
          key={format}
          href={`${base}/statement.${format}${query}`}
          download
          className={buttonClasses(format === "pdf" ? "primary" : "secondary", "sm")}
        >
          {t(`download.${format}`)}
        </a>
      ))}
    </div>
  );
}
