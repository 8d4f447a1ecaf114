import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { MoneyText } from "@settle/ui/money-text";
import { Link } from "react-router";

/** The disputed invoice: amounts, due date, account and legal entity. */
export function DisputeInvoiceCard({ dispute: d }: { dispute: StaffDisputeView }) {
  const inv = d.invoice;
  return (
    <Card title="Invoice">
      <DescriptionList
        columns={1}
        items={[
          { term: "Number", details: <span className="font-mono">{inv.number}</span> },
          { term: "Invoice amount", details: <MoneyText amount={inv.amount} currency={inv.currency} /> },
          {
            term: "Open now",
            details: <MoneyText amount={inv.openAmount} currency={inv.currency} className="font-medium" />,
          },
          {
            term: "Disputed",
            details: <MoneyText amount={d.amount} currency={d.currency} />,
          },
          { term: "Due", details: inv.dueDate ? <DateText value={inv.dueDate} /> : "—" },
          {
            term: "Account",
            details: (
              <Link to={`/customers/${d.customer.id}`} className="text-brand-700 hover:underline">
                {d.customer.name} <span className="font-mono text-xs">{d.customer.accountNumber}</span>
              </Link>
            ),
          },
          { term: "Legal entity", details: d.legalEntity.name },
        ]}
      />
    </Card>
  );
}
