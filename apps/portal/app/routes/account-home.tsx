import { getPortalHome, type PortalCredit, type PortalOpenItem } from "@settle/domain/portal/get-portal-home";
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
import { RouteError } from "~/components/route-error";
import { KIND_LABELS, paymentTermsLabel, plural, ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/lib/labels";
import { useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/account-home";

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: data ? `${data.home.customer.name} · Settle customer portal` : "Account · Settle customer portal",
  },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const home = await load(() => getPortalHome({ customerId: params.customerId }, session.actor));
  return { home };
}

type Home = Route.ComponentProps["loaderData"]["home"];

export default function AccountHome({ loaderData }: Route.ComponentProps) {
  const { home } = loaderData;
  const locale = useLocale();
  const [primary, ...otherCurrencies] = home.balances;
  const number = new Intl.NumberFormat(locale);
  const oldestDue = home.oldestOpenItems.find((i) => i.dueDate)?.dueDate;

  return (
    <>
      <PageHeader
        title={home.customer.name}
        meta={<Badge tone="neutral">{ROLE_LABELS[home.role]}</Badge>}
        description={
          <>
            Account {home.customer.accountNumber} ·{" "}
            {paymentTermsLabel(home.customer.paymentTermsCode, home.customer.paymentTermsDays)} · figures as
            of <DateText value={home.today} locale={locale} />
          </>
        }
      />

      {primary ? (
        <section aria-labelledby="summary-title" className="mb-8">
          <h2 id="summary-title" className="sr-only">
            Summary
          </h2>
          <div className="grid gap-4 sm:grid-cols-3">
            <StatCard
              label="Balance"
              value={<MoneyText amount={primary.balance} currency={primary.currency} locale={locale} />}
              hint={
                otherCurrencies.length > 0
                  ? `Plus balances in ${otherCurrencies.map((b) => b.currency).join(", ")} (see below)`
                  : primary.balance < 0n
                    ? "You are in credit"
                    : "Open invoices less unapplied credits"
              }
              tone={primary.balance < 0n ? "success" : "neutral"}
            />
            <StatCard
              label="Overdue"
              value={<MoneyText amount={primary.overdue} currency={primary.currency} locale={locale} />}
              hint={
                home.overdueInvoiceCount > 0
                  ? `${number.format(home.overdueInvoiceCount)} ${plural(home.overdueInvoiceCount, "invoice is", "invoices are")} past due`
                  : "Nothing is past due. Thank you!"
              }
              tone={home.balances.some((b) => b.overdue > 0n) ? "danger" : "success"}
            />
            <StatCard
              label="Open invoices"
              value={number.format(home.openInvoiceCount)}
              hint={
                oldestDue ? (
                  <>
                    Oldest due <DateText value={oldestDue} locale={locale} />
                  </>
                ) : (
                  "Everything is paid"
                )
              }
            />
          </div>
        </section>
      ) : null}

      {home.balances.length > 1 ? <CurrencyTable home={home} locale={locale} /> : null}

      <div className="space-y-6">
        <OpenItems home={home} locale={locale} />
        {home.unappliedCredits.length > 0 ? <Credits home={home} locale={locale} /> : null}
        <div className="grid gap-6 lg:grid-cols-3">
          <HowToPay home={home} className="lg:col-span-2" />
          <Card title="Your access" id="access" className="self-start">
            <div className="space-y-2">
              <Badge tone="brand">{ROLE_LABELS[home.role]}</Badge>
              <p className="text-sm text-ink-muted">{ROLE_DESCRIPTIONS[home.role]}</p>
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}

function CurrencyTable({ home, locale }: { home: Home; locale: string }) {
  type Row = Home["balances"][number];
  const columns: Column<Row>[] = [
    {
      id: "currency",
      header: "Currency",
      rowHeader: true,
      cell: (b) => <span className="font-medium">{b.currency}</span>,
    },
    {
      id: "debits",
      header: "Open items",
      align: "right",
      cell: (b) => <MoneyText amount={b.openDebits} currency={b.currency} locale={locale} />,
    },
    {
      id: "credits",
      header: "Unapplied credits",
      align: "right",
      cell: (b) => <MoneyText amount={-b.openCredits} currency={b.currency} locale={locale} tone="signed" />,
    },
    {
      id: "balance",
      header: "Balance",
      align: "right",
      cell: (b) => (
        <MoneyText amount={b.balance} currency={b.currency} locale={locale} className="font-semibold" />
      ),
    },
    {
      id: "overdue",
      header: "Overdue",
      align: "right",
      cell: (b) => <MoneyText amount={b.overdue} currency={b.currency} locale={locale} tone="danger" />,
    },
  ];
  return (
    <Card title="Balance by currency" id="currencies" flush className="mb-6">
      <DataTable
        caption="Balance by currency"
        columns={columns}
        rows={home.balances}
        rowKey={(b) => b.currency}
      />
    </Card>
  );
}

function StatusBadges({ item, today, locale }: { item: PortalOpenItem; today: Date; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  const dueToday = item.dueDate !== null && item.dueDate.getTime() === today.getTime();
  return (
    <span className="inline-flex flex-wrap gap-1 sm:justify-end">
      {item.status === "OVERDUE" ? (
        <Badge tone="danger">
          Overdue by {number.format(item.daysOverdue)} {plural(item.daysOverdue, "day", "days")}
        </Badge>
      ) : dueToday ? (
        <Badge tone="warning">Due today</Badge>
      ) : (
        <Badge tone="info">Open</Badge>
      )}
      {item.partiallyPaid ? <Badge tone="neutral">Partially paid</Badge> : null}
    </span>
  );
}

function OpenItems({ home, locale }: { home: Home; locale: string }) {
  const columns: Column<PortalOpenItem>[] = [
    {
      id: "number",
      header: "Document",
      rowHeader: true,
      cell: (i) => (
        <span className="block">
          <span className="block font-medium whitespace-nowrap text-ink">{i.number}</span>
          <span className="block text-xs text-ink-faint">{KIND_LABELS[i.kind]}</span>
        </span>
      ),
    },
    {
      id: "date",
      header: "Date",
      className: "max-sm:hidden",
      cell: (i) => <DateText value={i.documentDate} locale={locale} className="tabular whitespace-nowrap" />,
    },
    {
      id: "due",
      header: "Due",
      cell: (i) => (
        <>
          {i.dueDate ? (
            <DateText value={i.dueDate} locale={locale} className="tabular whitespace-nowrap" />
          ) : (
            "—"
          )}
          {/* Small screens have no room for the status column: the status goes under the due date. */}
          <span className="mt-1 block sm:hidden">
            <StatusBadges item={i} today={home.today} locale={locale} />
          </span>
        </>
      ),
    },
    {
      id: "amount",
      header: "Amount",
      align: "right",
      className: "max-sm:hidden",
      cell: (i) => (
        <MoneyText amount={i.amount} currency={i.currency} locale={locale} className="text-ink-muted" />
      ),
    },
    {
      id: "open",
      header: "Open",
      align: "right",
      cell: (i) => (
        <MoneyText amount={i.openAmount} currency={i.currency} locale={locale} className="font-semibold" />
      ),
    },
    {
      id: "status",
      header: "Status",
      align: "right",
      className: "max-sm:hidden",
      cell: (i) => <StatusBadges item={i} today={home.today} locale={locale} />,
    },
  ];
  const shown = home.oldestOpenItems.length;
  return (
    <Card
      title="Oldest open items"
      id="open-items"
      flush
      actions={
        shown > 0 ? (
          <span className="text-xs text-ink-faint">The {shown} longest outstanding, oldest first</span>
        ) : null
      }
    >
      <DataTable
        caption="Oldest open invoices, debit memos and fees"
        columns={columns}
        rows={home.oldestOpenItems}
        rowKey={(i) => i.id}
        empty={
          <EmptyState
            icon="inbox"
            title="Nothing to pay"
            description="Every invoice on this account is paid. New invoices will appear here."
          />
        }
      />
    </Card>
  );
}

function Credits({ home, locale }: { home: Home; locale: string }) {
  const columns: Column<PortalCredit>[] = [
    {
      id: "number",
      header: "Document",
      rowHeader: true,
      cell: (c) => (
        <span className="block">
          <span className="block font-medium whitespace-nowrap text-ink">{c.number}</span>
          <span className="block text-xs text-ink-faint">{KIND_LABELS[c.kind]}</span>
        </span>
      ),
    },
    {
      id: "date",
      header: "Date",
      className: "max-sm:hidden",
      cell: (c) => <DateText value={c.documentDate} locale={locale} className="tabular whitespace-nowrap" />,
    },
    { id: "reference", header: "Reference", className: "max-md:hidden", cell: (c) => c.reference ?? "—" },
    {
      id: "amount",
      header: "Amount",
      align: "right",
      className: "max-sm:hidden",
      cell: (c) => (
        <MoneyText amount={c.amount} currency={c.currency} locale={locale} className="text-ink-muted" />
      ),
    },
    {
      id: "open",
      header: "Not yet applied",
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
      title="Unapplied credits"
      id="credits"
      flush
      actions={<span className="text-xs text-ink-faint">Already counted in your balance</span>}
    >
      <DataTable
        caption="Payments and credit memos not yet applied to invoices"
        columns={columns}
        rows={home.unappliedCredits}
        rowKey={(c) => c.id}
      />
      {more > 0 ? (
        <p className="border-t border-line px-5 py-3 text-xs text-ink-faint">
          And {more} more {plural(more, "credit", "credits")}.
        </p>
      ) : null}
    </Card>
  );
}

function HowToPay({ home, className }: { home: Home; className?: string }) {
  const pay = home.payTo;
  const mono = (text: string) => (
    <span className="font-mono text-[0.8125rem] tracking-tight select-all">{text}</span>
  );
  const bank = [
    { term: "Account name", details: pay.bankAccountName },
    { term: "Bank", details: pay.bankName },
    { term: "Account number", details: mono(pay.bankAccount) },
    ...(pay.bankRouting ? [{ term: "Routing number", details: mono(pay.bankRouting) }] : []),
    ...(pay.iban ? [{ term: "IBAN", details: mono(pay.iban) }] : []),
    ...(pay.swift ? [{ term: "SWIFT / BIC", details: mono(pay.swift) }] : []),
  ];
  return (
    <Card title="How to pay" id="how-to-pay" className={className}>
      <div className="grid gap-6 md:grid-cols-5">
        <div className="md:col-span-3">
          <h3 className="mb-3 text-sm font-semibold text-ink">Bank transfer</h3>
          <DescriptionList columns={2} items={bank} />
          <p className="mt-4 rounded-lg bg-brand-50 px-3 py-2.5 text-sm text-brand-900">
            Please quote your account number{" "}
            <strong className="font-semibold">{home.customer.accountNumber}</strong> and the invoice numbers
            in the payment reference, so we can match your payment quickly.
          </p>
        </div>
        <div className="border-line max-md:border-t max-md:pt-5 md:col-span-2 md:border-l md:pl-6">
          <h3 className="mb-2 text-sm font-semibold text-ink">Remittance address</h3>
          <p className="text-sm text-ink-muted">
            Send checks, payable to {pay.remitToName}, or your remittance advice to:
          </p>
          <address className="mt-2 text-sm leading-6 text-ink not-italic">
            {pay.remitToName}
            {pay.remitToAddress.map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
          </address>
        </div>
      </div>
    </Card>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
