import { listInvoices } from "@settle/domain/invoices/list-invoices";
import { buttonClasses } from "@settle/ui/button";
import { PageHeader } from "@settle/ui/page-header";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { data, Link } from "react-router";
import { AccountLine } from "~/components/account-line";
import { AccountNav } from "~/components/account-nav";
import { FilterProblem } from "~/components/filter-problem";
import { InvoiceFilterForm } from "~/components/invoices/invoice-filter-form";
import { invoiceListForPage, type PageInvoiceList } from "~/components/invoices/invoice-list-for-page";
import { InvoiceTotals, SelectionProblem } from "~/components/invoices/invoice-list-notes";
import { invoiceListQuery } from "~/components/invoices/invoice-list-query";
import { InvoiceTable } from "~/components/invoices/invoice-table";
import { RouteError } from "~/components/route-error";
import { getLocale } from "~/i18n/i18n.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { filterProblem, searchParamsOf } from "~/lib/downloads.server";
import { useAccountCapabilities } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/invoices";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) =>
    loaderData?.list ? t("invoices:metaTitle", { name: loaderData.list.customer.name }) : t("invoices:title"),
  );

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const query = searchParamsOf(request);
  try {
    // An amount searched for is read the way the reader writes amounts.
    const list = await listInvoices({ ...query, customerId: params.customerId }, session.actor, {
      locale: await getLocale(request),
    });
    return { list: invoiceListForPage(list), problem: null, query };
  } catch (error) {
    // A filter the list cannot apply: the form again, with what to change.
    const problem = filterProblem(error, "invoices");
    if (problem) return data({ list: null, problem, query }, { status: 400 });
    throwAsResponse(error);
  }
}

/** The list as CSV and Excel, with its filters and sort; with overdue invoices, a plan to ask for. */
function Exports({ list, base, customerId }: { list: PageInvoiceList; base: string; customerId: string }) {
  const { t } = useTranslation("invoices");
  const { canPay } = useAccountCapabilities(customerId);
  const overdue = list.rows.some((r) => r.status.code === "OVERDUE");
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canPay && overdue ? (
        <Link to={`${base}/payment-plans/request`} className={buttonClasses("secondary", "sm")}>
          {t("payment-plans:request.link")}
        </Link>
      ) : null}
      {(["csv", "xlsx"] as const).map((ext) => (
        <a
          key={ext}
          href={`${base}/invoices.${ext}${invoiceListQuery(list)}`}
          download
          className={buttonClasses("secondary", "sm")}
        >
          {t(`export.${ext}`)}
        </a>
      ))}
    </div>
  );
}

export default function InvoicesPage({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation("invoices");
  const { list, problem, query } = loaderData;
  const base = `/accounts/${params.customerId}`;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={list ? <AccountLine customer={list.customer} /> : undefined}
        actions={list ? <Exports list={list} base={base} customerId={params.customerId} /> : null}
      />
      <AccountNav customerId={params.customerId} />
      <InvoiceFilterForm list={list} query={query} base={base} />
      <FilterProblem problem={problem} namespace="invoices" />
      <SelectionProblem selection={query.selection} />
      {list ? (
        <>
          <InvoiceTotals list={list} />
          <InvoiceTable list={list} base={base} />
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
