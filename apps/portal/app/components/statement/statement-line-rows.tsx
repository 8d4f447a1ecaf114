import { BILLED_KINDS } from "@settle/domain/ledger/item-kinds";
import { DateText, formatDate } from "@settle/ui/date-text";
import { MoneyText, moneyText, useMoneyFormat } from "@settle/ui/money-text";
import { Fragment, type ReactNode } from "react";
import { InPlanNote, useInPlanTexts } from "~/components/invoices/in-plan-mark";
import { oncePerKey } from "~/i18n/per-page";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import type { PageStatement, PageStatementLine } from "./statement-for-page";
import { lineGroups } from "./statement-line-groups";
import { isoDate } from "./statement-query";

export const STATEMENT_COLUMN_COUNT = 7;

/**
 * The table body: per account (a heading row when consolidated) its opening or brought-forward
 * row, its lines and its closing row. A line's cells are styled by the table (.statement-lines in
 * app.css; the other rows are marked data-row), its texts looked up once per page: the page
 * renders up to 100 lines.
 */
export function StatementLineRows({ statement, base }: { statement: PageStatement; base: string }) {
  const { t } = useTranslation("statement");
  const locale = useLocale();
  const open = statement.view === "open";
  const kindLabel = oncePerKey((kind: PageStatementLine["kind"]) => t(`common:kinds.${kind}`));
  const overdueBy = oncePerKey((days: number) => t("table.overdueBy", { count: days }));
  const date = (value: Date) => <time dateTime={isoDate(value)}>{formatDate(value, { locale })}</time>;
  const format = useMoneyFormat();
  const planTexts = useInPlanTexts(t, locale);
  const money = (amount: bigint) => moneyText(format, amount, statement.currency, locale);
  const balanceRow = (key: string, label: ReactNode, amount: bigint, testId: string) => (
    <tr key={key} className="bg-slate-50/70" data-row={testId}>
      <th scope="row" colSpan={STATEMENT_COLUMN_COUNT - 1} className="text-start font-medium text-ink">
        {label}
      </th>
      <td className="text-end font-semibold">
        <MoneyText amount={amount} currency={statement.currency} locale={locale} />
      </td>
    </tr>
  );
  const lineRow = (line: PageStatementLine) => {
    const effect = money(line.signedAmount < 0n ? -line.signedAmount : line.signedAmount);
    return (
      <tr key={line.id}>
        <td>{date(line.documentDate)}</td>
        <th scope="row">
          {/* Invoices, debit memos and fees have a page; refunds and chargebacks are on Payments. */}
          {!BILLED_KINDS.includes(line.kind) ? (
            <span>{line.number}</span>
          ) : (
            // A plain link: a router <Link> per line costs more than the rest of the line.
            <a href={`${base}/invoices/${line.id}`}>{line.number}</a>
          )}
          <small>{kindLabel(line.kind)}</small>
          {line.inPlan ? <InPlanNote mark={line.inPlan} base={base} texts={planTexts} /> : null}
        </th>
        <td>{line.reference ?? ""}</td>
        <td>
          {line.dueDate ? date(line.dueDate) : null}
          {line.daysOverdue > 0 ? <small>{overdueBy(line.daysOverdue)}</small> : null}
        </td>
        <td>{line.isCredit ? null : effect}</td>
        <td>{line.isCredit ? effect : null}</td>
        <td>{money(line.balance)}</td>
      </tr>
    );
  };
  const groups = lineGroups(statement.accounts, statement.lines.rows, {
    page: statement.lines.page,
    pageSize: statement.lines.pageSize,
    consolidated: statement.consolidated,
  });

  return (
    <tbody>
      {groups.map(({ account, lines, empty, startsHere, endsHere }) => {
        const first = lines[0];
        return (
          <Fragment key={account.id}>
            {statement.consolidated ? (
              <tr data-row="account">
                <th
                  scope="colgroup"
                  colSpan={STATEMENT_COLUMN_COUNT}
                  className="bg-brand-50/60 text-start font-semibold text-ink"
                >
                  <bdi>{account.name}</bdi>{" "}
                  <span className="font-normal text-ink-muted">
                    · <bdi>{t("accountNumber", { number: account.accountNumber })}</bdi>
                  </span>
                </th>
              </tr>
            ) : null}
            {open
              ? null
              : startsHere || empty
                ? balanceRow(
                    `${account.id}-opening`,
                    <>
                      {t("table.opening")}{" "}
                      <span className="font-normal text-ink-muted">
                        <DateText value={statement.from} locale={locale} />
                      </span>
                    </>,
                    account.opening,
                    "opening",
                  )
                : first
                  ? balanceRow(
                      `${account.id}-forward`,
                      t("table.broughtForward"),
                      first.balance - first.signedAmount,
                      "forward",
                    )
                  : null}
            {empty ? (
              <tr data-row="empty">
                <td colSpan={STATEMENT_COLUMN_COUNT} className="py-8! text-center text-ink-muted">
                  {t(open ? "table.emptyOpen" : "table.empty")}
                </td>
              </tr>
            ) : null}
            {lines.map(lineRow)}
            {endsHere || empty
              ? balanceRow(
                  `${account.id}-closing`,
                  open ? (
                    t("table.openTotal")
                  ) : (
                    <>
                      {t("table.closing")}{" "}
                      <span className="font-normal text-ink-muted">
                        <DateText value={statement.to} locale={locale} />
                      </span>
                    </>
                  ),
                  account.closing,
                  "closing",
                )
              : null}
          </Fragment>
        );
      })}
    </tbody>
  );
}
