import type { AccountOpenItem, CustomerAccount } from "@settle/domain/customers/get-customer-account";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Link } from "react-router";
import { useMoneyWords, useNumberFormat } from "../../i18n/list-words.ts";
import { useTranslation } from "../../i18n/use-translation.ts";
import { ITEM_KIND_TONES } from "../../labels.ts";
import { ListPagination } from "../list-pagination.tsx";

/** Documents a customer is billed by, which can be disputed. */
const DISPUTABLE = new Set(["INVOICE", "DEBIT_MEMO", "FEE"]);

const itemColumns = (
  customerId: string,
  t: TFunction,
  number: (value: number) => string,
  money: (amount: bigint, currency: string) => string,
): Column<AccountOpenItem>[] => [
  {
    id: "kind",
    header: t("openItems.kind"),
    cell: (r) => <Badge tone={ITEM_KIND_TONES[r.kind]}>{t(`labels:itemKinds.${r.kind}`)}</Badge>,
  },
  {
    id: "number",
    header: t("openItems.number"),
    rowHeader: true,
    cell: (r) => <span className="font-mono text-xs font-medium">{r.number}</span>,
  },
  {
    id: "documentDate",
    header: t("openItems.documentDate"),
    cell: (r) => <DateText value={r.documentDate} className="tabular" />,
  },
  {
    id: "dueDate",
    header: t("openItems.dueDate"),
    cell: (r) =>
      r.dueDate ? (
        <DateText value={r.dueDate} className="tabular" />
      ) : (
        <span className="text-ink-faint">—</span>
      ),
  },
  {
    id: "daysOverdue",
    header: t("openItems.daysOverdue"),
    align: "right",
    cell: (r) =>
      r.daysOverdue > 0 ? (
        <span className="tabular font-medium text-red-700">{number(r.daysOverdue)}</span>
      ) : (
        <span className="text-ink-faint">—</span>
      ),
  },
  {
    id: "amount",
    header: t("openItems.amount"),
    align: "right",
    cell: (r) => <MoneyText amount={r.isCredit ? -r.amount : r.amount} currency={r.currency} tone="signed" />,
  },
  {
    id: "openAmount",
    header: t("openItems.openAmount"),
    align: "right",
    cell: (r) => (
      <MoneyText
        amount={r.isCredit ? -r.openAmount : r.openAmount}
        currency={r.currency}
        tone="signed"
        className="font-medium"
      />
    ),
  },
  {
    id: "dispute",
    header: <span className="sr-only">{t("openItems.dispute")}</span>,
    cell: (r) =>
      !DISPUTABLE.has(r.kind) ? null : (
        <span className="block text-end text-xs whitespace-nowrap">
          {r.inDispute > 0n ? (
            <span className="block text-amber-800">
              {t("openItems.inDispute", { amount: money(r.inDispute, r.currency) })}
            </span>
          ) : null}
          {r.inPlan ? (
            // The plan's row on this page (its progress and agreement).
            <a href="#payment-plans" className="mb-0.5 block">
              <Badge tone="brand">{t("openItems.inPlan", { label: r.inPlan.plan.label })}</Badge>
            </a>
          ) : null}
          <Link
            to={`/disputes/new?customerId=${customerId}&invoiceId=${r.id}`}
            className="text-brand-700 hover:underline"
            aria-label={t("openItems.logDispute", { number: r.number })}
          >
            {t("openItems.dispute")}
          </Link>
        </span>
      ),
  },
];

/** The account's open items, oldest due date first, a page at a time. */
export function OpenItemsCard({
  customerId,
  openItems,
  className,
}: {
  customerId: string;
  openItems: CustomerAccount["openItems"];
  className?: string;
}) {
  const { t } = useTranslation("customer-account");
  const { number } = useNumberFormat();
  const money = useMoneyWords();
  const columns = useMemo(() => itemColumns(customerId, t, number, money), [customerId, t, number, money]);
  return (
    <Card
      title={t("openItems.title", { total: number(openItems.total) })}
      id="open-items"
      flush
      className={className}
    >
      {openItems.page > openItems.pageCount && openItems.total > 0 ? (
        <div className="p-5">
          <p className="text-sm text-ink-muted">
            {t("openItems.noPage", { page: number(openItems.page), count: openItems.pageCount })}{" "}
            <Link to="?page=1" className="font-medium text-brand-700 underline">
              {t("openItems.firstPage")}
            </Link>
          </p>
        </div>
      ) : (
        <DataTable
          caption={t("openItems.caption")}
          columns={columns}
          rows={openItems.rows}
          rowKey={(r) => r.id}
          empty={
            <EmptyState
              title={t("openItems.emptyTitle")}
              description={t("openItems.emptyDescription")}
              icon="inbox"
            />
          }
        />
      )}
      {openItems.total > openItems.pageSize ? (
        <ListPagination
          page={openItems.page}
          pageCount={openItems.pageCount}
          total={openItems.total}
          pageSize={openItems.pageSize}
          rows={t("openItems.rows")}
        />
      ) : null}
    </Card>
  );
}
