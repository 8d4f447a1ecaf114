import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import type { TFunction } from "i18next";
import { useTranslation } from "../../i18n/use-translation.ts";
import { humanizeAction } from "../../labels.ts";

function historyDetail(t: TFunction, action: string, after: unknown): string | null {
  if (!after || typeof after !== "object") return null;
  const a = after as Record<string, unknown>;
  if (action === "dispute.resolve" || action === "dispute.propose") {
    return typeof a.outcome === "string"
      ? t("history.outcome", { outcome: t(`history.outcomes.${a.outcome}`, { defaultValue: a.outcome }) })
      : null;
  }
  if (action === "dispute.raise" && typeof a.channel === "string") {
    return t("history.channel", {
      channel: t(`labels:disputeChannel.${a.channel}`, { defaultValue: a.channel }),
    });
  }
  if (typeof a.note === "string" && a.note) return t("history.note", { note: a.note });
  return null;
}

/** The dispute's audit trail, oldest first. */
export function DisputeHistory({ dispute: d }: { dispute: StaffDisputeView }) {
  const { t } = useTranslation("dispute");
  return (
    <Card title={t("history.title")}>
      {d.history.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("history.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {d.history.map((h) => {
            const detail = historyDetail(t, h.action, h.after);
            return (
              <li
                key={`${h.at.toISOString()}-${h.action}-${h.actorId ?? h.actorType}`}
                className="flex gap-3 text-sm"
              >
                <DateText value={h.at} mode="datetime" className="w-44 shrink-0 text-ink-muted" />
                <span>
                  <span className="font-medium text-ink">
                    {t(`labels:disputeActions.${h.action}`, { defaultValue: humanizeAction(h.action) })}
                  </span>
                  <span className="ms-2 text-xs text-ink-faint">
                    {h.actorName ?? (h.actorType === "system" ? t("history.system") : h.actorType)}
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
