import type { PortalDisputeView } from "@settle/domain/disputes/get-dispute";
import { activitySentence } from "@settle/i18n/activity";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { useMoneyFormat } from "@settle/ui/money-text";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";

/** What happened to the dispute that the customer may see, as sentences, oldest first. */
export function DisputeHistory({ dispute }: { dispute: PortalDisputeView }) {
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  const money = useMoneyFormat();
  return (
    <Card title={t("detail.history")}>
      {dispute.history.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("detail.noHistory")}</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {dispute.history.map((h) => (
            <li key={h.id} className="flex flex-wrap gap-x-3">
              <DateText
                value={h.at}
                locale={locale}
                mode="datetime"
                className="w-44 shrink-0 text-ink-muted"
              />
              <span>{activitySentence(t, h.facts, { money, locale })}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
