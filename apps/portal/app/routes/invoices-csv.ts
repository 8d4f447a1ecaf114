import { writeCsv } from "@settle/documents/export/write-csv";
import { listInvoices } from "@settle/domain/invoices/list-invoices";
import { getLocale } from "~/i18n/i18n.server";
import { i18nFor } from "~/i18n/instance";
import { loadForDownload, searchParamsOf, streamDownload } from "~/lib/downloads.server";
import { invoiceColumns, invoiceListFileName } from "~/lib/invoice-documents.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/invoices-csv";

/** Every invoice matching the list's filters, in its order, as CSV. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const locale = await getLocale(request);
  const list = await loadForDownload("invoices", () =>
    listInvoices({ ...searchParamsOf(request), customerId: params.customerId }, session.actor, {
      all: true,
      locale,
    }),
  );
  const { t } = i18nFor(locale);
  return streamDownload(invoiceListFileName(list.customer.accountNumber, list.today, "csv"), "csv", (out) =>
    writeCsv(invoiceColumns(t, list), list.rows, out),
  );
}
