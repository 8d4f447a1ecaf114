import { getInvoice } from "@settle/domain/invoices/get-invoice";
import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { Alert } from "@settle/ui/alert";
import { buttonClasses } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { StatCard } from "@settle/ui/stat-card";
import { load } from "@settle/web/domain-errors.server";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { InvoiceStatusBadges } from "~/components/invoice-status-badges";
import { RouteError } from "~/components/route-error";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { paymentTermsLabel } from "~/lib/labels";
import { useAccountCapabilities, useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/invoice-detail";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) =>
    loaderData
      ? `${t(`common:kinds.${loaderData.invoice.kind}`)} ${loaderData.invoice.number}`
      : t("invoices:detail.metaTitle"),
  );

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const invoice = await load(() =>
    getInvoice({ customerId: params.customerId, invoiceId: params.invoiceId }, session.actor),
  );
  return { invoice };
}

/** 1500n thousandths → "1.5" in the page's language (quantities are not money, but stay exact). */
function formatQuantity(milli: bigint, locale: string): string {
  const negative = milli < 0n;
  const abs = negative ? -milli : milli;
  const text = `${negative ? "-" : ""}${abs / 1000n}.${(abs % 1000n).toString().padStart(3, "0")}`;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(text as unknown as number);
}

/** 1900 basis points → "19%", 625 → "6.25%". */
function formatRate(basisPoints: number, locale: string): string {
  const text = `${Math.trunc(basisPoints / 10_000)}.${String(basisPoints % 10_000).padStart(4, "0")}`;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
    text as unknown as number,
  );
}

export default function InvoiceDetailPage({ loaderData, params }: Route.ComponentProps) {
  const { invoice } = loaderData;
  const { t } = useTranslation("invoices");
  const locale = useLocale();
  const base = `/accounts/${params.customerId}`;
  const money = (amount: bigint, className?: string) => (
    <MoneyText amount={amount} currency={invoice.currency} locale={locale} className={className} />
  );
  const kind = t(`common:kinds.${invoice.kind}`);
  const { canPay } = useAccountCapabilities(params.customerId);

  return (
    <>
      <PageHeader
        back={{ to: `${base}/invoices`, label: t("detail.back") }}
        title={`${kind} ${invoice.number}`}
        meta={<InvoiceStatusBadges status={invoice.status} />}
        description={
          <>
            <bdi>{invoice.customer.name}</bdi> ·{" "}
            <bdi>{t("accountNumber", { number: invoice.customer.accountNumber })}</bdi>
          </>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {canPay && invoice.openAmount > 0n ? (
              <Link to={`${base}/pay?id=${invoice.id}`} className={buttonClasses("primary", "sm")}>
                {t("payments:payThis")}
              </Link>
            ) : null}
            <a
              href={`${base}/invoices/${invoice.id}/pdf`}
              download
              className={buttonClasses(canPay && invoice.openAmount > 0n ? "secondary" : "primary", "sm")}
            >
              {t("detail.downloadPdf")}
            </a>
            {invoice.openAmount > 0n ? (
              <Link
                to={`${base}/invoices/${invoice.id}/dispute`}
                className={buttonClasses("secondary", "sm")}
              >
                {t("disputes:raise.action")}
              </Link>
            ) : null}
          </div>
        }
      />
      <AccountNav customerId={params.customerId} />

      {invoice.inDispute ? (
        <Alert tone="warning" className="mb-6">
          <p>
            <Trans
              t={t}
              i18nKey="disputes:invoiceNotice"
              components={{ amount: money(invoice.inDispute.amount, "font-semibold") }}
            />
          </p>
          <ul className="mt-1 flex flex-wrap gap-3">
            {invoice.inDispute.disputes.map((d) => (
              <li key={d.id}>
                <Link to={`${base}/disputes/${d.id}`} className="font-medium underline">
                  {t("disputes:invoiceNoticeLink", { label: `D-${d.number}` })}
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

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

      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-3">
          <Card title={t("detail.details")} id="details" className="lg:col-span-2">
            <DescriptionList
              items={[
                {
                  term: t("detail.documentDate"),
                  details: <DateText value={invoice.documentDate} locale={locale} />,
                },
                {
                  term: t("detail.dueDate"),
                  details: invoice.dueDate ? <DateText value={invoice.dueDate} locale={locale} /> : "—",
                },
                {
                  term: t("detail.terms"),
                  details: paymentTermsLabel(t, invoice.terms.code, invoice.terms.days),
                },
                { term: t("detail.poNumber"), details: invoice.poNumber ?? "—" },
                ...(invoice.reference ? [{ term: t("detail.reference"), details: invoice.reference }] : []),
                ...(invoice.description
                  ? [{ term: t("detail.description"), details: invoice.description }]
                  : []),
              ]}
            />
          </Card>
          <Card title={t("detail.parties")} id="parties">
            <div className="space-y-4 text-sm">
              <div>
                <h3 className="text-xs font-medium tracking-wide text-ink-faint uppercase">
                  {t("detail.billTo")}
                </h3>
                <address className="mt-1 leading-6 text-ink not-italic">
                  <bdi className="font-medium">{invoice.customer.name}</bdi>
                  {invoice.customer.billingAddress.map((line) => (
                    <span key={line} className="block">
                      {line}
                    </span>
                  ))}
                </address>
              </div>
              <div>
                <h3 className="text-xs font-medium tracking-wide text-ink-faint uppercase">
                  {t("detail.from")}
                </h3>
                <p className="mt-1 leading-6 text-ink">
                  <bdi className="font-medium">{invoice.seller.name}</bdi>
                  {invoice.seller.taxId ? (
                    <span className="block text-ink-muted">
                      {t("detail.taxId", { taxId: invoice.seller.taxId })}
                    </span>
                  ) : null}
                </p>
              </div>
            </div>
          </Card>
        </div>

        <LinesCard invoice={invoice} locale={locale} />
        <PaymentsCard invoice={invoice} locale={locale} />
        {invoice.openAmount > 0n ? <HowToPay invoice={invoice} /> : null}
      </div>
    </>
  );
}

function LinesCard({ invoice, locale }: { invoice: InvoiceDetail; locale: string }) {
  const { t } = useTranslation("invoices");
  const cell = "border-b border-line px-4 py-2.5 align-top first:ps-5 last:pe-5";
  const money = (amount: bigint, className?: string) => (
    <MoneyText amount={amount} currency={invoice.currency} locale={locale} className={className} />
  );
  const totalRow = (label: string, amount: bigint, strong = false) => (
    <tr key={label}>
      <th
        scope="row"
        colSpan={7}
        className={`${cell} text-end ${strong ? "font-semibold text-ink" : "font-normal text-ink-muted"}`}
      >
        {label}
      </th>
      <td className={`${cell} text-end ${strong ? "font-semibold" : ""}`}>{money(amount)}</td>
    </tr>
  );
  return (
    <Card title={t("detail.lines")} id="lines" flush>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("detail.linesCaption")}</caption>
          <thead className="bg-slate-50 text-xs font-semibold tracking-wide whitespace-nowrap text-ink-muted uppercase">
            <tr>
              <th scope="col" className={`${cell} text-start`}>
                #
              </th>
              <th scope="col" className={`${cell} text-start`}>
                {t("detail.item")}
              </th>
              <th scope="col" className={`${cell} text-end`}>
                {t("detail.quantity")}
              </th>
              <th scope="col" className={`${cell} text-end`}>
                {t("detail.unitPrice")}
              </th>
              <th scope="col" className={`${cell} text-end`}>
                {t("detail.taxRate")}
              </th>
              <th scope="col" className={`${cell} text-end`}>
                {t("detail.net")}
              </th>
              <th scope="col" className={`${cell} text-end`}>
                {t("detail.tax")}
              </th>
              <th scope="col" className={`${cell} text-end`}>
                {t("detail.lineTotal")}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.length === 0 ? (
              <tr>
                <td colSpan={8} className={`${cell} py-6 text-center text-ink-muted`}>
                  {t("detail.noLines")}
                </td>
              </tr>
            ) : (
              invoice.lines.map((line) => (
                <tr key={line.lineNo}>
                  <td className={`${cell} text-ink-faint`}>{line.lineNo}</td>
                  <th scope="row" className={`${cell} text-start font-normal`}>
                    <span className="block text-ink">{line.description}</span>
                    {line.sku ? <span className="block text-xs text-ink-faint">{line.sku}</span> : null}
                  </th>
                  <td className={`${cell} tabular text-end`}>{formatQuantity(line.quantityMilli, locale)}</td>
                  <td className={`${cell} text-end`}>{money(line.unitPrice)}</td>
                  <td className={`${cell} tabular text-end`}>{formatRate(line.taxRateBp, locale)}</td>
                  <td className={`${cell} text-end`}>{money(line.netAmount)}</td>
                  <td className={`${cell} text-end`}>{money(line.taxAmount)}</td>
                  <td className={`${cell} text-end font-medium`}>{money(line.totalAmount)}</td>
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            {totalRow(t("detail.netTotal"), invoice.totals.net)}
            {invoice.totals.taxByRate.map((rate) =>
              totalRow(t("detail.taxAt", { rate: formatRate(rate.taxRateBp, locale) }), rate.tax),
            )}
            {totalRow(t("detail.total"), invoice.totals.total, true)}
            {invoice.clearedAmount > 0n ? totalRow(t("detail.cleared"), -invoice.clearedAmount) : null}
            {totalRow(t("detail.open"), invoice.openAmount, true)}
          </tfoot>
        </table>
      </div>
    </Card>
  );
}

function PaymentsCard({ invoice, locale }: { invoice: InvoiceDetail; locale: string }) {
  const { t } = useTranslation("invoices");
  const cell = "border-b border-line px-4 py-2.5 align-top first:ps-5 last:pe-5";
  return (
    <Card title={t("detail.payments")} id="payments" flush>
      {invoice.payments.length === 0 ? (
        <EmptyState icon="inbox" title={t("detail.noPayments")} description={t("detail.noPaymentsHint")} />
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("detail.paymentsCaption")}</caption>
            <thead className="bg-slate-50 text-xs font-semibold tracking-wide whitespace-nowrap text-ink-muted uppercase">
              <tr>
                <th scope="col" className={`${cell} text-start`}>
                  {t("detail.appliedOn")}
                </th>
                <th scope="col" className={`${cell} text-start`}>
                  {t("detail.document")}
                </th>
                <th scope="col" className={`${cell} text-start max-md:hidden`}>
                  {t("detail.documentDate")}
                </th>
                <th scope="col" className={`${cell} text-start max-md:hidden`}>
                  {t("detail.reference")}
                </th>
                <th scope="col" className={`${cell} text-end`}>
                  {t("detail.appliedAmount")}
                </th>
                <th scope="col" className={`${cell} text-start`}>
                  {t("detail.state")}
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.payments.map((p) => (
                <tr key={p.id} className={p.reversed ? "text-ink-faint" : undefined}>
                  <td className={`${cell} whitespace-nowrap`}>
                    <DateText value={p.appliedAt} locale={locale} />
                  </td>
                  <th scope="row" className={`${cell} text-start font-normal`}>
                    <span className="block font-medium whitespace-nowrap">{p.credit.number}</span>
                    <span className="block text-xs text-ink-faint">
                      {t(`common:kinds.${p.credit.kind}`)}
                      {p.credit.paymentMethod ? ` · ${t(`detail.methods.${p.credit.paymentMethod}`)}` : ""}
                    </span>
                  </th>
                  <td className={`${cell} whitespace-nowrap max-md:hidden`}>
                    <DateText value={p.credit.documentDate} locale={locale} />
                  </td>
                  <td className={`${cell} max-md:hidden`}>{p.credit.reference ?? ""}</td>
                  <td className={`${cell} text-end`}>
                    <MoneyText
                      amount={p.amount}
                      currency={invoice.currency}
                      locale={locale}
                      className={p.reversed ? "line-through" : "font-medium"}
                    />
                  </td>
                  <td className={cell}>
                    {p.reversed ? (
                      <span className="text-sm">
                        <Trans
                          t={t}
                          i18nKey="detail.reversedOn"
                          components={{ date: <DateText value={p.reversed.at} locale={locale} /> }}
                        />
                        {p.reversed.reason ? (
                          <span className="block text-xs">{p.reversed.reason}</span>
                        ) : null}
                      </span>
                    ) : (
                      <span className="text-sm text-emerald-700">{t("detail.applied")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function HowToPay({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation("invoices");
  const pay = invoice.seller;
  const mono = (text: string) => (
    <span className="font-mono text-[0.8125rem] tracking-tight select-all">{text}</span>
  );
  return (
    <Card title={t("detail.howToPay")} id="how-to-pay">
      <div className="grid gap-6 md:grid-cols-5">
        <div className="md:col-span-3">
          <DescriptionList
            columns={2}
            items={[
              { term: t("detail.bankAccountName"), details: <bdi>{pay.bankAccountName}</bdi> },
              { term: t("detail.bank"), details: <bdi>{pay.bankName}</bdi> },
              { term: t("detail.bankAccount"), details: mono(pay.bankAccount) },
              ...(pay.bankRouting ? [{ term: t("detail.routing"), details: mono(pay.bankRouting) }] : []),
              ...(pay.iban ? [{ term: "IBAN", details: mono(pay.iban) }] : []),
              ...(pay.swift ? [{ term: "SWIFT / BIC", details: mono(pay.swift) }] : []),
            ]}
          />
          <p className="mt-4 rounded-lg bg-brand-50 px-3 py-2.5 text-sm text-brand-900">
            {t("detail.quote", { number: invoice.number, accountNumber: invoice.customer.accountNumber })}
          </p>
        </div>
        <div className="border-line max-md:border-t max-md:pt-5 md:col-span-2 md:border-s md:ps-6">
          <h3 className="mb-2 text-sm font-semibold text-ink">{t("detail.remitTo")}</h3>
          <address className="text-sm leading-6 text-ink not-italic">
            <bdi>{pay.remitToName}</bdi>
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
