import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { MoneyText } from "@settle/ui/money-text";
import { Link } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";

/** The disputed invoice: amounts, due date, account and legal entity. */
export function DisputeInvoiceCard({ dispute: d }: { dispute: StaffDisputeView }) {
  const { t } = useTranslation("dispute");
  const inv = d.invoice;
  return (
    <Card title={t("invoice.title")}>
      <DescriptionList
        columns={1}
        items={[
          { term: t("invoice.number"), details: <span className="font-mono">{inv.number}</span> },
          { term: t("invoice.amount"), details: <MoneyText amount={inv.amount} currency={inv.currency} /> },
          {
            term: t("invoice.open"),
            details: <MoneyText amount={inv.openAmount} currency={inv.currency} className="font-medium" />,
          },
          {
            term: t("invoice.disputed"),
            details: <MoneyText amount={d.amount} currency={d.currency} />,
          },
          { term: t("invoice.due"), details: inv.dueDate ? <DateText value={inv.dueDate} /> : "—" },
          {
            term: t("invoice.account"),
            details: (
              <Link to={`/customers/${d.customer.id}`} className="text-brand-700 hover:underline">
                <bdi>{d.customer.name}</bdi>{" "}
                <span className="font-mono text-xs">{d.customer.accountNumber}</span>
              </Link>
            ),
          },
          { term: t("invoice.legalEntity"), details: d.legalEntity.name },
        ]}
      />
    </Card>
  );
}
