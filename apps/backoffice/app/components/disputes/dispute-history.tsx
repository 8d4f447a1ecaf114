import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import type { ReactNode } from "react";
import { DISPUTE_ACTIONS, DISPUTE_CHANNEL } from "../../dispute-labels.ts";
import { humanizeAction } from "../../labels.ts";

function historyDetail(action: string, after: unknown): ReactNode {
  if (!after || typeof after !== "object") return null;
  const a = after as Record<string, unknown>;
  if (action === "dispute.resolve" || action === "dispute.propose") {
    return typeof a.outcome === "string" ? `Outcome ${a.outcome.toLowerCase()}` : null;
  }
  if (action === "dispute.raise" && typeof a.channel === "string") {
    return `Channel ${DISPUTE_CHANNEL[a.channel as keyof typeof DISPUTE_CHANNEL] ?? a.channel}`;
  }
  if (typeof a.note === "string" && a.note) return `“${a.note}”`;
  return null;
}

/** The dispute's audit trail, oldest first. */
export function DisputeHistory({ dispute: d }: { dispute: StaffDisputeView }) {
  return (
    <Card title="History">
      {d.history.length === 0 ? (
        <p className="text-sm text-ink-muted">Nothing recorded yet.</p>
      ) : (
        <ol className="space-y-3">
          {d.history.map((h) => {
            const detail = historyDetail(h.action, h.after);
            return (
              <li
                key={`${h.at.toISOString()}-${h.action}-${h.actorId ?? h.actorType}`}
                className="flex gap-3 text-sm"
              >
                <DateText value={h.at} mode="datetime" className="w-44 shrink-0 text-ink-muted" />
                <span>
                  <span className="font-medium text-ink">
                    {DISPUTE_ACTIONS[h.action] ?? humanizeAction(h.action)}
                  </span>
                  <span className="ms-2 text-xs text-ink-faint">
                    {h.actorName ?? (h.actorType === "system" ? "Settle" : h.actorType)}
                  </span>
                  {detail ? <span className="block text-xs text-ink-muted">{detail}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
