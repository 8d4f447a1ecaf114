import { formatDate } from "@settle/ui/date-text";
import { moneyText, useMoneyFormat } from "@settle/ui/money-text";
import { badgeTexts, statusBadges } from "~/components/invoice-status-badges";
import { filledIn, oncePerKey } from "~/i18n/per-page";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import { InPlanNote, useInPlanTexts } from "./in-plan-mark";
import type { PageInvoiceRow } from "./invoice-list-for-page";
import { isoDate } from "./invoice-list-query";

/** The form the row checkboxes belong to (download or pay the selected invoices). */
export const SELECTION_FORM = "invoice-selection";

/**
 * The rows of a page of invoices. A row's cells are styled by the table (.invoice-rows in
 * app.css), its texts looked up once per page. With `accounts` (a consolidated list) each row ends
 * with its account's number and name.
 */
export function InvoiceRows({
  rows,
  base,
  accounts,
}: {
  rows: readonly PageInvoiceRow[];
  base: string;
  accounts: readonly { id: string; accountNumber: string; name: string }[] | null;
}) {
  const { t } = useTranslation("invoices");
  const locale = useLocale();
  const kindLabel = oncePerKey((kind: PageInvoiceRow["kind"]) => t(`common:kinds.${kind}`));
  const selectLabel = filledIn((values) => t("table.select", values), "number");
  const badges = badgeTexts(t);
  const planTexts = useInPlanTexts(t, locale);
  const money = useMoneyFormat();
  const accountOf = new Map(accounts?.map((a) => [a.id, a]));
  const accountCell = (id: string) => {
    const account = accountOf.get(id);
    return account ? (
      <td>
        <bdi>{account.accountNumber}</bdi>
        <small>
          <bdi>{account.name}</bdi>
        </small>
      </td>
    ) : null;
  };
  const date = (value: Date) => <time dateTime={isoDate(value)}>{formatDate(value, { locale })}</time>;
  const invoiceRow = (row: PageInvoiceRow) => (
    <tr key={row.id}>
      <td>
        <input
          type="checkbox"
          name="id"
          value={row.id}
          form={SELECTION_FORM}
          aria-label={selectLabel(row.number)}
        />
      </td>
      <th scope="row">
        {/* A plain link: a router <Link> per row costs more than the rest of the row. */}
        <a href={`${base}/invoices/${row.id}`}>{row.number}</a>
        <small>{kindLabel(row.kind)}</small>
      </th>
      <td>{row.poNumber ?? ""}</td>
      <td>{date(row.documentDate)}</td>
      <td>{row.dueDate ? date(row.dueDate) : "—"}</td>
      <td>{moneyText(money, row.amount, row.currency, locale)}</td>
      <td>{moneyText(money, row.openAmount, row.currency, locale)}</td>
      <td>
        {statusBadges(row.status, row.inDispute, badges)}
        {row.inPlan ? <InPlanNote mark={row.inPlan} base={base} texts={planTexts} /> : null}
      </td>
      {accounts ? accountCell(row.accountId) : null}
    </tr>
  );
  return <tbody>{rows.map(invoiceRow)}</tbody>;
}
