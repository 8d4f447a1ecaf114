import type { listCustomers } from "@settle/domain/customers/list-customers";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { EmptyState } from "@settle/ui/empty-state";
import { TextField } from "@settle/ui/fields";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Form, Link } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";

type Customer = Awaited<ReturnType<typeof listCustomers>>["rows"][number];

const columnsIn = (t: TFunction): Column<Customer>[] => [
  {
    id: "name",
    header: t("customer.name"),
    rowHeader: true,
    cell: (r) => (
      <Link
        to={`/disputes/new?customerId=${r.id}`}
        className="font-medium text-ink hover:text-brand-700 hover:underline"
      >
        {r.name}
      </Link>
    ),
  },
  {
    id: "account",
    header: t("customer.account"),
    cell: (r) => <span className="font-mono text-xs text-ink-muted">{r.accountNumber}</span>,
  },
  { id: "entity", header: t("customer.legalEntity"), cell: (r) => r.legalEntity.name },
];

/** Logging a dispute, step 1: find the customer. */
export function ChooseCustomer({ q, customers }: { q: string; customers: { rows: Customer[] } | null }) {
  const { t } = useTranslation("dispute-new");
  const columns = useMemo(() => columnsIn(t), [t]);
  return (
    <Card title={t("customer.title")} flush>
      <div className="border-b border-line px-5 py-4">
        <Form
          method="get"
          role="search"
          aria-label={t("customer.search")}
          className="flex flex-wrap items-end gap-3"
        >
          <TextField
            type="search"
            label={t("customer.searchLabel")}
            name="q"
            id="dispute-customer-search"
            defaultValue={q}
            maxLength={100}
            required
            className="min-w-64 flex-1"
          />
          <Button type="submit" variant="secondary">
            {t("customer.submit")}
          </Button>
        </Form>
      </div>
      {customers ? (
        <DataTable
          caption={t("customer.caption", { q })}
          columns={columns}
          rows={customers.rows}
          rowKey={(r) => r.id}
          empty={<EmptyState title={t("customer.noMatch", { q })} description={t("customer.noMatchHint")} />}
        />
      ) : (
        <p className="px-5 py-4 text-sm text-ink-muted">{t("customer.orAccount")}</p>
      )}
    </Card>
  );
}
