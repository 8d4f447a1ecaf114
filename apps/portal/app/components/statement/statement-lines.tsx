import { Alert } from "@settle/ui/alert";
import { Card } from "@settle/ui/card";
import { PageLinks } from "~/components/page-links";
import { useTranslation } from "~/i18n/use-translation";
import type { PageStatement } from "./statement-for-page";
import { StatementLineRows } from "./statement-line-rows";

/** Rules and padding of every cell of a long table, set once on the table element. */
const CELLS =
  "[&_:is(td,th)]:border-b [&_:is(td,th)]:border-line [&_:is(td,th)]:px-4 [&_:is(td,th)]:py-2.5 [&_:is(td,th)]:align-top [&_:is(td,th)]:first:ps-5 [&_:is(td,th)]:last:pe-5";

/** The statement's lines with their running balance, a page at a time. */
export function StatementLines({ statement, base }: { statement: PageStatement; base: string }) {
  const { t } = useTranslation("statement");
  const open = statement.view === "open";
  const { page, pageSize, total, pageCount } = statement.lines;
  const pastTheEnd = total > 0 && page > pageCount;

  return (
    <Card
      title={t(open ? "table.openTitle" : "table.title")}
      id="lines"
      flush
      actions={<span className="text-xs text-ink-faint">{t("table.count", { count: total })}</span>}
    >
      {pastTheEnd ? (
        <div className="p-5">
          <Alert tone="warning" title={t("table.pastTheEnd", { page })}>
            {t("table.pastTheEndBody", { count: pageCount })}
          </Alert>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table className={`statement-lines min-w-full text-sm ${CELLS}`}>
            <caption className="sr-only">{t(open ? "table.openCaption" : "table.caption")}</caption>
            <thead className="bg-slate-50 text-xs font-semibold tracking-wide whitespace-nowrap text-ink-muted uppercase">
              <tr>
                <th scope="col" className="text-start">
                  {t("table.date")}
                </th>
                <th scope="col" className="text-start">
                  {t("table.document")}
                </th>
                <th scope="col" className="text-start max-md:hidden">
                  {t("table.reference")}
                </th>
                <th scope="col" className="text-start">
                  {t("table.due")}
                </th>
                <th scope="col" className="text-end">
                  {t(open ? "table.openDebit" : "table.debit")}
                </th>
                <th scope="col" className="text-end">
                  {t(open ? "table.openCredit" : "table.credit")}
                </th>
                <th scope="col" className="text-end">
                  {t("table.balance")}
                </th>
              </tr>
            </thead>
            <StatementLineRows statement={statement} base={base} />
          </table>
        </div>
      )}
      {pageCount > 1 || pastTheEnd ? (
        <PageLinks
          page={page}
          pageCount={pageCount}
          total={total}
          pageSize={pageSize}
          label={t("table.pages")}
        />
      ) : null}
    </Card>
  );
}
