import { maxBig } from "@settle/domain/money/money";
import { getStatement, type Statement } from "@settle/domain/statements/get-statement";
import type { AgingBucket } from "@settle/domain/statements/statement-options";
import { Alert } from "@settle/ui/alert";
import { Button, buttonClasses } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DateText, formatDate } from "@settle/ui/date-text";
import { MoneyText, moneyText, useMoneyFormat } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { StatCard } from "@settle/ui/stat-card";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { Fragment, type ReactNode } from "react";
import { Trans } from "react-i18next";
import { data, Form, Link, useLocation } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { PageLinks } from "~/components/page-links";
import { RouteError } from "~/components/route-error";
import { useFormat } from "~/i18n/format";
import { pageMeta } from "~/i18n/meta";
import { oncePerKey } from "~/i18n/per-page";
import { useTranslation } from "~/i18n/use-translation";
import { filterProblem, searchParamsOf } from "~/lib/downloads.server";
import { useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/statement";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) =>
    loaderData?.statement
      ? t("statement:metaTitle", { name: loaderData.statement.customer.name })
      : t("statement:title"),
  );

/** The statement's query parameters; downloads take the same ones. */
const FILTER_KEYS = ["view", "from", "to", "currency", "legalEntityId", "consolidated"] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const query = searchParamsOf(request);
  try {
    const statement = await getStatement({ ...query, customerId: params.customerId }, session.actor);
    return { statement: forPage(statement), problem: null, query };
  } catch (error) {
    // A period or filter the statement cannot have: the form again, with what to change.
    const problem = filterProblem(error, "statement");
    if (problem) return data({ statement: null, problem, query }, { status: 400 });
    throwAsResponse(error);
  }
}

/**
 * What the page shows of a statement, and so what is serialized into it for hydration: not the
 * legal entity's bank details or the lines' fields only downloads use.
 */
function forPage(statement: Statement) {
  const { customer, lines } = statement;
  return {
    customer: { name: customer.name, accountNumber: customer.accountNumber },
    view: statement.view,
    from: statement.from,
    to: statement.to,
    today: statement.today,
    currency: statement.currency,
    currencies: statement.currencies,
    legalEntityId: statement.legalEntityId,
    legalEntities: statement.legalEntities,
    consolidated: statement.consolidated,
    hasChildren: statement.hasChildren,
    accounts: statement.accounts,
    totals: statement.totals,
    aging: statement.aging,
    lines: {
      page: lines.page,
      pageSize: lines.pageSize,
      total: lines.total,
      pageCount: lines.pageCount,
      rows: lines.rows.map((line) => ({
        id: line.id,
        accountId: line.accountId,
        kind: line.kind,
        isCredit: line.isCredit,
        number: line.number,
        documentDate: line.documentDate,
        dueDate: line.dueDate,
        reference: line.reference ?? line.poNumber,
        signedAmount: line.signedAmount,
        balance: line.balance,
        daysOverdue: line.daysOverdue,
      })),
    },
  };
}
type PageStatement = ReturnType<typeof forPage>;
type PageLine = PageStatement["lines"]["rows"][number];

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The current filters as a query string (no page), for downloads and presets. */
function filterQuery(values: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = values[key];
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

function filtersOf(statement: PageStatement): Record<string, string | undefined> {
  return {
    view: statement.view,
    from: statement.view === "activity" ? iso(statement.from) : undefined,
    to: statement.view === "activity" ? iso(statement.to) : undefined,
    currency: statement.currency,
    legalEntityId: statement.legalEntityId ?? undefined,
    consolidated: statement.hasChildren ? (statement.consolidated ? "1" : "0") : undefined,
  };
}

export default function StatementPage({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation("statement");
  const locale = useLocale();
  const { statement, problem, query } = loaderData;
  const base = `/accounts/${params.customerId}`;
  const downloads = statement ? filterQuery(filtersOf(statement)) : "";

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          statement ? (
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
          ) : undefined
        }
        actions={
          statement ? (
            <div className="flex flex-wrap items-center gap-2">
              {(["pdf", "csv", "xlsx"] as const).map((format) => (
                <a
                  key={format}
                  href={`${base}/statement.${format}${downloads}`}
                  download
                  className={buttonClasses(format === "pdf" ? "primary" : "secondary", "sm")}
                >
                  {t(`download.${format}`)}
                </a>
              ))}
            </div>
          ) : null
        }
      />
      <AccountNav customerId={params.customerId} />
      <FilterForm statement={statement} query={query} base={base} />
      {problem?.messageKey ? (
        <Alert tone="danger" title={t("problems.title")} className="mb-6">
          {t(problem.messageKey, { ...problem.values, defaultValue: t("problems.invalid") })}
        </Alert>
      ) : null}
      {statement ? <StatementBody statement={statement} base={base} /> : null}
    </>
  );
}

function FilterForm({
  statement,
  query,
  base,
}: {
  statement: PageStatement | null;
  query: Record<string, string>;
  base: string;
}) {
  const { t } = useTranslation("statement");
  const location = useLocation();
  const view = statement?.view ?? (query.view === "open" ? "open" : "activity");
  const from = statement && statement.view === "activity" ? iso(statement.from) : (query.from ?? "");
  const to = statement && statement.view === "activity" ? iso(statement.to) : (query.to ?? "");
  const today = statement?.today ?? new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const year = today.getUTCFullYear();
  const keep = statement ? filtersOf(statement) : {};
  const day = (offset: number) => iso(new Date(today.getTime() + offset * 86_400_000));
  const presets = [
    { key: "last30", from: day(-30), to: iso(today) },
    { key: "last90", from: day(-90), to: iso(today) },
    { key: "thisYear", from: `${year}-01-01`, to: iso(today) },
    { key: "lastYear", from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  ] as const;
  const field =
    "block w-full rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";

  return (
    <Card className="mb-6">
      {/* Keyed by the query: after a client-side navigation the fields show the new period. */}
      <Form key={location.search} method="get" className="space-y-4" aria-label={t("filters.label")}>
        <div className="flex flex-wrap items-end gap-4">
          <fieldset className="min-w-0">
            <legend className="mb-1.5 text-sm font-medium text-ink">{t("filters.view")}</legend>
            <div className="flex gap-4 text-sm">
              {(["activity", "open"] as const).map((value) => (
                <label key={value} className="inline-flex items-center gap-2">
                  <input
                    type="radio"
                    name="view"
                    value={value}
                    defaultChecked={view === value}
                    className="size-4 accent-brand-600"
                  />
                  {t(`filters.views.${value}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="space-y-1.5">
            <label htmlFor="statement-from" className="block text-sm font-medium text-ink">
              {t("filters.from")}
            </label>
            <input id="statement-from" type="date" name="from" defaultValue={from} className={field} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="statement-to" className="block text-sm font-medium text-ink">
              {t("filters.to")}
            </label>
            <input id="statement-to" type="date" name="to" defaultValue={to} className={field} />
          </div>
          {statement && statement.currencies.length > 1 ? (
            <div className="space-y-1.5">
              <label htmlFor="statement-currency" className="block text-sm font-medium text-ink">
                {t("filters.currency")}
              </label>
              <select
                id="statement-currency"
                name="currency"
                defaultValue={statement.currency}
                className={field}
              >
                {statement.currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {statement && statement.legalEntities.length > 1 ? (
            <div className="space-y-1.5">
              <label htmlFor="statement-entity" className="block text-sm font-medium text-ink">
                {t("filters.legalEntity")}
              </label>
              <select
                id="statement-entity"
                name="legalEntityId"
                defaultValue={statement.legalEntityId ?? ""}
                className={field}
              >
                <option value="">{t("filters.allLegalEntities")}</option>
                {statement.legalEntities.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {statement?.hasChildren ? (
            <label className="inline-flex items-center gap-2 pb-2 text-sm text-ink">
              {/* Unchecked boxes send nothing; the hidden "0" before it says "not consolidated". */}
              <input type="hidden" name="consolidated" value="0" />
              <input
                type="checkbox"
                name="consolidated"
                value="1"
                defaultChecked={statement.consolidated}
                className="size-4 accent-brand-600"
              />
              {t("filters.consolidated")}
            </label>
          ) : null}
          <Button type="submit" variant="primary">
            {t("filters.apply")}
          </Button>
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="text-ink-muted">{t("filters.presets")}</span>
          {presets.map((p) => (
            <Link
              key={p.key}
              to={`${base}/statement${filterQuery({ ...keep, view: "activity", from: p.from, to: p.to })}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {t(`filters.preset.${p.key}`)}
            </Link>
          ))}
        </div>
      </Form>
    </Card>
  );
}

function StatementBody({ statement, base }: { statement: PageStatement; base: string }) {
  const { t } = useTranslation("statement");
  const locale = useLocale();
  const format = useFormat();
  const money = (amount: bigint, className?: string) => (
    <MoneyText amount={amount} currency={statement.currency} locale={locale} className={className} />
  );
  const open = statement.view === "open";
  const { totals } = statement;
  const others = statement.currencies.filter((c) => c !== statement.currency);

  return (
    <div className="space-y-6">
      {others.length > 0 ? (
        <Alert tone="info">
          {t("otherCurrencies", { currency: statement.currency, others: others.join(", ") })}
        </Alert>
      ) : null}
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

      <div className="grid gap-6 lg:grid-cols-3">
        <AgingCard statement={statement} className="lg:col-span-1" />
        {statement.consolidated ? <AccountsCard statement={statement} className="lg:col-span-2" /> : null}
      </div>

      <LinesCard statement={statement} base={base} />
    </div>
  );
}

const BUCKET_TONES: Record<AgingBucket, string> = {
  current: "bg-emerald-500",
  "1-30": "bg-amber-400",
  "31-60": "bg-amber-500",
  "61-90": "bg-orange-500",
  "91-120": "bg-red-500",
  "over-120": "bg-red-700",
};

function AgingCard({ statement, className }: { statement: PageStatement; className?: string }) {
  const { t } = useTranslation("statement");
  const locale = useLocale();
  const format = useFormat();
  const { aging } = statement;
  const max = aging.buckets.reduce((m, b) => maxBig(m, b.amount), 0n);
  return (
    <Card title={t("aging.title")} id="aging" className={className}>
      <p className="mb-3 text-xs text-ink-faint">{t("aging.asOf", { date: format.date(aging.asOf) })}</p>
      <ul className="space-y-2.5">
        {aging.buckets.map((b) => {
          // Integer arithmetic: tenths of a percent of the largest bucket.
          const width = max > 0n ? Number((b.amount * 1000n) / max) / 10 : 0;
          return (
            <li key={b.bucket} className="grid grid-cols-[6.5rem_1fr_auto] items-center gap-3 text-sm">
              <span className="text-ink-muted">{t(`aging.buckets.${b.bucket}`)}</span>
              <span aria-hidden="true" className="h-2.5 overflow-hidden rounded-full bg-slate-100">
                <span
                  className={`block h-full rounded-full ${BUCKET_TONES[b.bucket]}`}
                  style={{ width: `${width}%` }}
                />
              </span>
              <MoneyText
                amount={b.amount}
                currency={statement.currency}
                locale={locale}
                className="text-end font-medium"
              />
            </li>
          );
        })}
      </ul>
      <dl className="mt-4 space-y-1.5 border-t border-line pt-3 text-sm">
        <div className="flex justify-between gap-3">
          <dt className="text-ink-muted">{t("aging.openDebits")}</dt>
          <dd>
            <MoneyText amount={aging.openDebits} currency={statement.currency} locale={locale} />
          </dd>
        </div>
        {aging.inDispute > 0n ? (
          <div className="flex justify-between gap-3">
            <dt className="ps-3 text-ink-muted">{t("aging.inDispute")}</dt>
            <dd>
              <MoneyText amount={aging.inDispute} currency={statement.currency} locale={locale} />
            </dd>
          </div>
        ) : null}
        <div className="flex justify-between gap-3">
          <dt className="text-ink-muted">
            {t("aging.unappliedCredits", { count: aging.unappliedCreditCount })}
          </dt>
          <dd>
            <MoneyText
              amount={-aging.unappliedCredits}
              currency={statement.currency}
              locale={locale}
              tone="signed"
            />
          </dd>
        </div>
        <div className="flex justify-between gap-3 font-semibold">
          <dt>{t("aging.net")}</dt>
          <dd>
            <MoneyText amount={aging.net} currency={statement.currency} locale={locale} />
          </dd>
        </div>
      </dl>
    </Card>
  );
}

function AccountsCard({ statement, className }: { statement: PageStatement; className?: string }) {
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

/** Rules and padding of every cell of a long table, set once on the table element. */
const CELLS =
  "[&_:is(td,th)]:border-b [&_:is(td,th)]:border-line [&_:is(td,th)]:px-4 [&_:is(td,th)]:py-2.5 [&_:is(td,th)]:align-top [&_:is(td,th)]:first:ps-5 [&_:is(td,th)]:last:pe-5";

function LinesCard({ statement, base }: { statement: PageStatement; base: string }) {
  const { t } = useTranslation("statement");
  const locale = useLocale();
  const open = statement.view === "open";
  const { rows, page, pageSize, total, pageCount } = statement.lines;
  const pageStart = (page - 1) * pageSize;
  const pageEnd = pageStart + rows.length;
  const columnCount = 7;
  const balanceRow = (key: string, label: ReactNode, amount: bigint, testId: string) => (
    <tr key={key} className="bg-slate-50/70" data-row={testId}>
      <th scope="row" colSpan={columnCount - 1} className="text-start font-medium text-ink">
        {label}
      </th>
      <td className="text-end font-semibold">
        <MoneyText amount={amount} currency={statement.currency} locale={locale} />
      </td>
    </tr>
  );

  // Where each account's lines start and end in the whole statement, to place its opening,
  // brought-forward and closing rows on the right pages.
  let offset = 0;
  const groups = statement.accounts.map((account) => {
    const start = offset;
    offset += account.lineCount;
    return { account, start, end: offset, lines: rows.filter((r) => r.accountId === account.id) };
  });
  const pastTheEnd = total > 0 && page > pageCount;

  // A line's cells are styled by the table (.statement-lines in app.css; the other rows are
  // marked data-row), its texts looked up once per page: the page renders up to 100 lines.
  const kindLabel = oncePerKey((kind: PageLine["kind"]) => t(`common:kinds.${kind}`));
  const overdueBy = oncePerKey((days: number) => t("table.overdueBy", { count: days }));
  const date = (value: Date) => <time dateTime={iso(value)}>{formatDate(value, { locale })}</time>;
  const format = useMoneyFormat();
  const money = (amount: bigint) => moneyText(format, amount, statement.currency, locale);
  const lineRow = (line: PageLine) => {
    const effect = money(line.signedAmount < 0n ? -line.signedAmount : line.signedAmount);
    return (
      <tr key={line.id}>
        <td>{date(line.documentDate)}</td>
        <th scope="row">
          {line.isCredit ? (
            <span>{line.number}</span>
          ) : (
            // A plain link: a router <Link> per line costs more than the rest of the line.
            <a href={`${base}/invoices/${line.id}`}>{line.number}</a>
          )}
          <small>{kindLabel(line.kind)}</small>
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
            <tbody>
              {groups.map(({ account, start, end, lines }) => {
                const startsHere = start >= pageStart && start < Math.max(pageEnd, pageStart + 1);
                const endsHere = end > pageStart && end <= pageEnd;
                // An account without lines shows its balance rows on the first page only.
                const empty = account.lineCount === 0;
                if (!empty && lines.length === 0) return null;
                if (empty && (page !== 1 || statement.consolidated)) return null;
                const first = lines[0];
                return (
                  <Fragment key={account.id}>
                    {statement.consolidated ? (
                      <tr data-row="account">
                        <th
                          scope="colgroup"
                          colSpan={columnCount}
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
                        <td colSpan={columnCount} className="py-8! text-center text-ink-muted">
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
          </table>
        </div>
      )}
      {pageCount > 1 || pastTheEnd ? (
        <div className="border-t border-line">
          <PageLinks
            page={page}
            pageCount={pageCount}
            total={total}
            pageSize={pageSize}
            label={t("table.pages")}
          />
        </div>
      ) : null}
    </Card>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
