import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { activitySentence } from "@settle/i18n/activity";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { useMoneyFormat } from "@settle/ui/money-text";
import { usePageLocale } from "@settle/ui/page-locale";
import type { TFunction } from "i18next";
import { useTranslation } from "../../i18n/use-translation.ts";

function historyDetail(t: TFunction, action: string, after: unknown): string | null {
  if (!after || typeof after !== "object") return null;
  const a = after as Record<string, unknown>;
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
  const money = useMoneyFormat();
  const locale = usePageLocale();
  return (
    <Card title={t("history.title")}>
      {d.history.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("history.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {d.history.map((h) => {
            const detail = historyDetail(t, h.action, h.after);
            return (
              <li key={h.id} className="flex gap-3 text-sm">
                <DateText value={h.at} mode="datetime" className="w-44 shrink-0 text-ink-muted" />
                <span>
                  <span className="text-ink">{activitySentence(t, h.facts, { money, locale })}</span>
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
