import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { Badge } from "@settle/ui/badge";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { Link } from "react-router";
import { DISPUTE_REASON, DISPUTE_STATUS } from "../../dispute-labels.ts";

/** The dispute's number, reason and status, with the customer, invoice and amount. */
export function DisputeHeader({ dispute: d }: { dispute: StaffDisputeView }) {
  const status = DISPUTE_STATUS[d.status];
  return (
    <PageHeader
      back={{ to: "/disputes", label: "Disputes" }}
      title={
        <>
          {d.label} · {DISPUTE_REASON[d.reason]}
        </>
      }
      meta={
        <>
          <Badge tone={status.tone}>{status.label}</Badge>
          {d.escalatedAt ? <Badge tone="danger">Escalated</Badge> : null}
        </>
      }
      description={
        <>
          <Link to={`/customers/${d.customer.id}`} className="font-medium text-brand-700 hover:underline">
            {d.customer.name}
          </Link>{" "}
          ({d.customer.accountNumber}) · invoice <span className="font-mono">{d.invoice.number}</span> ·{" "}
          <MoneyText amount={d.amount} currency={d.currency} /> disputed · raised{" "}
          <DateText value={d.createdAt} mode="datetime" />
        </>
      }
    />
  );
}
