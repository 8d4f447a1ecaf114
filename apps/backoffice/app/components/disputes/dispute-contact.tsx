import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { Card } from "@settle/ui/card";
import { DescriptionList } from "@settle/ui/description-list";
import { CUSTOMER_STATUS, DISPUTE_CHANNEL } from "../../dispute-labels.ts";

/** Who at the customer is kept informed, who raised the dispute and what the customer sees. */
export function DisputeContact({ dispute: d }: { dispute: StaffDisputeView }) {
  return (
    <Card title="Customer contact">
      <DescriptionList
        columns={1}
        items={[
          {
            term: "Kept informed",
            details: d.notify.email ? (
              <>
                {d.notify.name ? <span className="block">{d.notify.name}</span> : null}
                <a href={`mailto:${d.notify.email}`} className="text-brand-700 hover:underline">
                  {d.notify.email}
                </a>
                <span className="block text-xs text-ink-muted">Writes in {d.notify.locale}</span>
              </>
            ) : (
              <span className="text-ink-faint">Nobody: no e-mail on file</span>
            ),
          },
          {
            term: "Raised by",
            details:
              d.raisedBy.kind === "portal"
                ? `${d.raisedBy.name ?? "A portal user"} on the portal`
                : `${d.raisedBy.name ?? "Staff"} for the customer (${DISPUTE_CHANNEL[d.channel].toLowerCase()})`,
          },
          { term: "The customer sees", details: CUSTOMER_STATUS[d.customerStatus] },
        ]}
      />
    </Card>
  );
}
