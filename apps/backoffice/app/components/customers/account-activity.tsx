import type { ActivityEntry } from "@settle/domain/customers/get-customer-account";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import type { ReactNode } from "react";
import { humanizeAction, ITEM_KIND_LABELS } from "../../labels.ts";

const kindLabel = (kind: string) => ITEM_KIND_LABELS[kind] ?? kind;

/** What happened on the account lately: items, applications and audited changes. */
export function AccountActivityCard({
  activity,
  className,
}: {
  activity: ActivityEntry[];
  className?: string;
}) {
  return (
    <Card title="Recent activity" id="activity" className={className}>
      {activity.length ? (
        <ol className="relative space-y-5 border-l border-line pl-6">
          {activity.map((entry) => (
            <ActivityItem key={entry.id} entry={entry} />
          ))}
        </ol>
      ) : (
        <EmptyState title="No activity yet" icon="inbox" />
      )}
    </Card>
  );
}

function ActivityItem({ entry }: { entry: ActivityEntry }) {
  let dot = "bg-slate-300";
  let title: ReactNode;
  let detail: ReactNode = null;
  if (entry.type === "item") {
    dot =
      entry.item.kind === "PAYMENT" || entry.item.kind === "CREDIT_MEMO" ? "bg-emerald-500" : "bg-brand-500";
    title = (
      <>
        {kindLabel(entry.item.kind)} <span className="font-mono text-xs">{entry.item.number}</span>{" "}
        {entry.item.kind === "PAYMENT" ? "received" : "issued"}
      </>
    );
    detail = (
      <>
        <MoneyText amount={entry.amount} currency={entry.currency} /> · dated{" "}
        <DateText value={entry.documentDate} />
      </>
    );
  } else if (entry.type === "application") {
    const reversal = entry.kind === "REVERSAL";
    dot = reversal ? "bg-amber-500" : "bg-emerald-500";
    title = (
      <>
        {reversal ? "Reversed: " : ""}
        {kindLabel(entry.credit.kind)} <span className="font-mono text-xs">{entry.credit.number}</span>{" "}
        {reversal ? "unapplied from" : "applied to"}{" "}
        <span className="font-mono text-xs">{entry.debit.number}</span>
      </>
    );
    detail = (
      <>
        <MoneyText amount={entry.amount} currency={entry.currency} />
        {entry.actorName ? ` · by ${entry.actorName}` : null}
        {entry.reason ? ` · “${entry.reason}”` : null}
      </>
    );
  } else {
    title = humanizeAction(entry.action);
    detail = entry.actorName ? `by ${entry.actorName}` : null;
  }
  return (
    <li className="relative">
      <span
        aria-hidden="true"
        className={`absolute top-1.5 -left-[29px] size-2.5 rounded-full ring-4 ring-white ${dot}`}
      />
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5">
        <p className="text-sm text-ink">{title}</p>
        <DateText value={entry.at} mode="datetime" className="text-xs text-ink-faint" />
      </div>
      {detail ? <p className="mt-0.5 text-sm text-ink-muted">{detail}</p> : null}
    </li>
  );
}
