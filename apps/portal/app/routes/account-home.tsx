import { getPortalHome, type PortalCredit, type PortalOpenItem } from "@settle/domain/portal/get-portal-home";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { StatCard } from "@settle/ui/stat-card";
import { load } from "@settle/web/domain-errors.server";
import type { TFunction } from "i18next";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { RouteError } from "~/components/route-error";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { paymentTermsLabel } from "~/lib/labels";
import { useAccountCapabilities, useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/account-home";

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
  pageMeta(matches, (t) => loaderData?.home.customer.name ?? t("home:metaTitle"));

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const home = await load(() => getPortalHome({ customerId: params.customerId }, session.actor));
  return { home };
}

type Home = Route.ComponentProps["loaderData"]["home"];

export default function AccountHome({ loaderData }: Route.ComponentProps) {
  const { home } = loaderData;
  const { t } = useTranslation("home");
  const locale = useLocale();
  const { canManageUsers } = useAccountCapabilities(home.customer.id);
  const [primary, ...otherCurrencies] = home.balances;
  const oldestDue = home.oldestOpenItems.find((i) => i.dueDate)?.dueDate;

  return (
    <>
      <PageHeader
        title={<bdi>{home.customer.name}</bdi>}
        meta={<Badge tone="neutral">{t(`common:roles.${home.role}`)}</Badge>}
        description={
          <Trans
            t={t}
            i18nKey="description"
            values={{
              number: home.customer.accountNumber,
              terms: paymentTermsLabel(t, home.customer.paymentTermsCode, home.customer.paymentTermsDays),
            }}
            components={{ bdi: <bdi />, date: <DateText value={home.today} locale={locale} /> }}
          />
        }
      />
      <AccountNav customerId={home.customer.id} />

      {primary ? (
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
      ) : null}

      {home.inDispute.length > 0 ? (
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
      ) : null}

      {home.balances.length > 1 ? <CurrencyTable home={home} locale={locale} t={t} /> : null}

      <div className="space-y-6">
        <OpenItems home={home} locale={locale} t={t} />
        {home.unappliedCredits.length > 0 ? <Credits home={home} locale={locale} t={t} /> : null}
        <div className="grid gap-6 lg:grid-cols-3">
          <HowToPay home={home} t={t} className="lg:col-span-2" />
          <Card title={t("access.title")} id="access" className="self-start">
            <div className="space-y-2">
              <Badge tone="brand">{t(`common:roles.${home.role}`)}</Badge>
              <p className="text-sm text-ink-muted">{t(`common:roleDescriptions.${home.role}`)}</p>
              {canManageUsers ? (
                <p className="pt-1 text-sm">
                  <Link
                    to={`/accounts/${home.customer.id}/users`}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                  >
                    {t("access.manage")}
                  </Link>
                </p>
              ) : null}
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}

interface SectionProps {
  home: Home;
  locale: string;
  t: TFunction<"home">;
}

function CurrencyTable({ home, locale, t }: SectionProps) {
  type Row = Home["balances"][number];
  const columns: Column<Row>[] = [
    {
      id: "currency",
      header: t("currencies.currency"),
      rowHeader: true,
      cell: (b) => <span className="font-medium">{b.currency}</span>,
    },
    {
      id: "debits",
      header: t("currencies.openItems"),
      align: "right",
      cell: (b) => <MoneyText amount={b.openDebits} currency={b.currency} locale={locale} />,
    },
    {
      id: "credits",
      header: t("currencies.unappliedCredits"),
      align: "right",
      cell: (b) => <MoneyText amount={-b.openCredits} currency={b.currency} locale={locale} tone="signed" />,
    },
    {
      id: "balance",
      header: t("currencies.balance"),
      align: "right",
      cell: (b) => (
        <MoneyText amount={b.balance} currency={b.currency} locale={locale} className="font-semibold" />
      ),
    },
    {
      id: "overdue",
      header: t("currencies.overdue"),
      align: "right",
      cell: (b) => <MoneyText amount={b.overdue} currency={b.currency} locale={locale} tone="danger" />,
    },
  ];
  return (
    <Card title={t("currencies.title")} id="currencies" flush className="mb-6">
      <DataTable
        caption={t("currencies.title")}
        columns={columns}
        rows={home.balances}
        rowKey={(b) => b.currency}
      />
    </Card>
  );
}

function StatusBadges({ item, today, t }: { item: PortalOpenItem; today: Date; t: TFunction<"home"> }) {
  const dueToday = item.dueDate !== null && item.dueDate.getTime() === today.getTime();
  return (
    <span className="inline-flex flex-wrap gap-1 sm:justify-end">
      {item.status === "OVERDUE" ? (
        <Badge tone="danger">{t("status.overdueBy", { count: item.daysOverdue })}</Badge>
      ) : dueToday ? (
        <Badge tone="warning">{t("status.dueToday")}</Badge>
      ) : (
        <Badge tone="info">{t("status.open")}</Badge>
      )}
      {item.partiallyPaid ? <Badge tone="neutral">{t("status.partiallyPaid")}</Badge> : null}
    </span>
  );
}

function OpenItems({ home, locale, t }: SectionProps) {
  const columns: Column<PortalOpenItem>[] = [
    {
      id: "number",
      header: t("columns.document"),
      rowHeader: true,
      cell: (i) => (
        <span className="block">
          <span className="block font-medium whitespace-nowrap text-ink">{i.number}</span>
          <span className="block text-xs text-ink-muted">{t(`common:kinds.${i.kind}`)}</span>
        </span>
      ),
    },
    {
      id: "date",
      header: t("columns.date"),
      className: "max-sm:hidden",
      cell: (i) => <DateText value={i.documentDate} locale={locale} className="tabular whitespace-nowrap" />,
    },
    {
      id: "due",
      header: t("columns.due"),
      cell: (i) => (
        <>
          {i.dueDate ? (
            <DateText value={i.dueDate} locale={locale} className="tabular whitespace-nowrap" />
          ) : (
            "—"
          )}
          {/* Small screens have no room for the status column: the status goes under the due date. */}
          <span className="mt-1 block sm:hidden">
            <StatusBadges item={i} today={home.today} t={t} />
          </span>
        </>
      ),
    },
    {
      id: "amount",
      header: t("columns.amount"),
      align: "right",
      className: "max-sm:hidden",
      cell: (i) => (
        <MoneyText amount={i.amount} currency={i.currency} locale={locale} className="text-ink-muted" />
      ),
    },
    {
      id: "open",
      header: t("columns.open"),
      align: "right",
      cell: (i) => (
        <MoneyText amount={i.openAmount} currency={i.currency} locale={locale} className="font-semibold" />
      ),
    },
    {
      id: "status",
      header: t("columns.status"),
      align: "right",
      className: "max-sm:hidden",
      cell: (i) => <StatusBadges item={i} today={home.today} t={t} />,
    },
  ];
  const shown = home.oldestOpenItems.length;
  return (
    <Card
      title={t("openItems.title")}
      id="open-items"
      flush
      actions={
        shown > 0 ? (
          <span className="text-xs text-ink-muted">{t("openItems.shown", { count: shown })}</span>
        ) : null
      }
    >
      <DataTable
        caption={t("openItems.caption")}
        columns={columns}
        rows={home.oldestOpenItems}
        rowKey={(i) => i.id}
        empty={
          <EmptyState
            icon="inbox"
            title={t("openItems.emptyTitle")}
            description={t("openItems.emptyDescription")}
          />
        }
      />
    </Card>
  );
}

function Credits({ home, locale, t }: SectionProps) {
  const columns: Column<PortalCredit>[] = [
    {
      id: "number",
      header: t("columns.document"),
      rowHeader: true,
      cell: (c) => (
        <span className="block">
          <span className="block font-medium whitespace-nowrap text-ink">{c.number}</span>
          <span className="block text-xs text-ink-muted">{t(`common:kinds.${c.kind}`)}</span>
        </span>
      ),
    },
    {
      id: "date",
      header: t("columns.date"),
      className: "max-sm:hidden",
      cell: (c) => <DateText value={c.documentDate} locale={locale} className="tabular whitespace-nowrap" />,
    },
    {
      id: "reference",
      header: t("columns.reference"),
      className: "max-md:hidden",
      cell: (c) => (c.reference ? <bdi>{c.reference}</bdi> : "—"),
    },
    {
      id: "amount",
      header: t("columns.amount"),
      align: "right",
      className: "max-sm:hidden",
      cell: (c) => (
        <MoneyText amount={c.amount} currency={c.currency} locale={locale} className="text-ink-muted" />
      ),
    },
    {
      id: "open",
      header: t("columns.notYetApplied"),
      align: "right",
      cell: (c) => (
        <MoneyText
          amount={c.openAmount}
          currency={c.currency}
          locale={locale}
          className="font-semibold text-emerald-700"
        />
      ),
    },
  ];
  const more = home.unappliedCreditCount - home.unappliedCredits.length;
  return (
    <Card
      title={t("credits.title")}
      id="credits"
      flush
      actions={<span className="text-xs text-ink-muted">{t("credits.note")}</span>}
    >
      <DataTable
        caption={t("credits.caption")}
        columns={columns}
        rows={home.unappliedCredits}
        rowKey={(c) => c.id}
      />
      {more > 0 ? (
        <p className="border-t border-line px-5 py-3 text-xs text-ink-muted">
          {t("credits.more", { count: more })}
        </p>
      ) : null}
    </Card>
  );
}

function HowToPay({ home, t, className }: { home: Home; t: TFunction<"home">; className?: string }) {
  const pay = home.payTo;
  const { t: tp } = useTranslation("payments");
  const { canPay } = useAccountCapabilities(home.customer.id);
  const mono = (text: string) => (
    <span dir="ltr" className="font-mono text-[0.8125rem] tracking-tight select-all">
      {text}
    </span>
  );
  const bank = [
    { term: t("howToPay.accountName"), details: <bdi>{pay.bankAccountName}</bdi> },
    { term: t("howToPay.bank"), details: <bdi>{pay.bankName}</bdi> },
    { term: t("howToPay.accountNumber"), details: mono(pay.bankAccount) },
    ...(pay.bankRouting ? [{ term: t("howToPay.routingNumber"), details: mono(pay.bankRouting) }] : []),
    ...(pay.iban ? [{ term: t("howToPay.iban"), details: mono(pay.iban) }] : []),
    ...(pay.swift ? [{ term: t("howToPay.swift"), details: mono(pay.swift) }] : []),
  ];
  return (
    <Card title={t("howToPay.title")} id="how-to-pay" className={className}>
      <div className="grid gap-6 md:grid-cols-5">
        <div className="md:col-span-3">
          <h3 className="mb-3 text-sm font-semibold text-ink">{t("howToPay.bankTransfer")}</h3>
          <DescriptionList columns={2} items={bank} />
          <p className="mt-4 rounded-lg bg-brand-50 px-3 py-2.5 text-sm text-brand-900">
            <Trans
              t={t}
              i18nKey="howToPay.reference"
              values={{ accountNumber: home.customer.accountNumber }}
              components={{ strong: <strong className="font-semibold" dir="ltr" /> }}
            />
          </p>
        </div>
        <div className="border-line max-md:border-t max-md:pt-5 md:col-span-2 md:border-s md:ps-6">
          <h3 className="mb-2 text-sm font-semibold text-ink">{t("howToPay.remittance")}</h3>
          <p className="text-sm text-ink-muted">{t("howToPay.remittanceIntro")}</p>
          <address className="mt-2 text-sm leading-6 text-ink not-italic">
            <bdi>{pay.remitToName}</bdi>
            {pay.remitToAddress.map((line) => (
              <span key={line} className="block">
                <bdi>{line}</bdi>
              </span>
            ))}
          </address>
          {canPay ? (
            <>
              <h3 className="mt-5 mb-2 text-sm font-semibold text-ink">{tp("home.title")}</h3>
              <p className="text-sm text-ink-muted">{tp("home.body")}</p>
              <Link
                to={`/accounts/${home.customer.id}/invoices?status=open`}
                className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline"
              >
                {tp("home.link")}
              </Link>
            </>
          ) : null}
        </div>
      </div>
    </Card>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
