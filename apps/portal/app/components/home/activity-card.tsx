import type { PortalHome } from "@settle/domain/portal/get-portal-home";
import { activitySentence } from "@settle/i18n/activity";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { useMoneyFormat } from "@settle/ui/money-text";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";

/** The account's latest events the customer may see, as sentences, newest first. */
export function ActivityCard({ home, className }: { home: PortalHome; className?: string }) {
  const { t } = useTranslation("home");
  const locale = useLocale();
  const money = useMoneyFormat();
  return (
    <Card title={t("activity.title")} id="activity" className={className}>
      {home.activity.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("activity.empty")}</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {home.activity.map((a) => (
            <li key={a.id}>
              <span className="text-ink">{activitySentence(t, a.facts, { money, locale })}</span>{" "}
              <DateText value={a.at} locale={locale} mode="datetime" className="text-xs text-ink-muted" />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
