import type { ActivityEntry } from "@settle/domain/customers/get-customer-account";
import { activitySentence } from "@settle/i18n/activity";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText, useMoneyFormat } from "@settle/ui/money-text";
import { usePageLocale } from "@settle/ui/page-locale";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { Trans } from "react-i18next";
import { useTranslation } from "../../i18n/use-translation.ts";

const mono = (key: string) => <span key={key} className="font-mono text-xs" />;

/** What happened on the account lately: items, applications and audited changes. */
export function AccountActivityCard({
  activity,
  className,
}: {
  activity: ActivityEntry[];
  className?: string;
}) {
  const { t } = useTranslation("customer-account");
  return (
    <Card title={t("activity.title")} id="activity" className={className}>
      {activity.length ? (
        <ol className="relative space-y-5 border-s border-line ps-6">
          {activity.map((entry) => (
            <ActivityItem key={entry.id} entry={entry} t={t} />
          ))}
        </ol>
      ) : (
        <EmptyState title={t("activity.empty")} icon="inbox" />
      )}
    </Card>
  );
}

function ActivityItem({ entry, t }: { entry: ActivityEntry; t: TFunction }) {
  const money = useMoneyFormat();
  const locale = usePageLocale();
  let dot = "bg-slate-300";
  let title: ReactNode;
  let detail: ReactNode = null;
  const by = (name: string | null) => (name ? t("activity.by", { name }) : null);
  if (entry.type === "item") {
    dot =
      entry.item.kind === "PAYMENT" || entry.item.kind === "CREDIT_MEMO" ? "bg-emerald-500" : "bg-brand-500";
    title = (
      <Trans
        t={t}
        i18nKey={entry.item.kind === "PAYMENT" ? "activity.received" : "activity.issued"}
        values={{ kind: t(`labels:itemKinds.${entry.item.kind}`), number: entry.item.number }}
        components={[mono("number")]}
      />
    );
    detail = (
      <Trans
        t={t}
        i18nKey="activity.dated"
        components={[
          <MoneyText key="amount" amount={entry.amount} currency={entry.currency} />,
          <DateText key="date" value={entry.documentDate} />,
        ]}
      />
    );
  } else if (entry.type === "application") {
    const reversal = entry.kind === "REVERSAL";
    dot = reversal ? "bg-amber-500" : "bg-emerald-500";
    title = (
      <Trans
        t={t}
        i18nKey={reversal ? "activity.unapplied" : "activity.applied"}
        values={{
          kind: t(`labels:itemKinds.${entry.credit.kind}`),
          credit: entry.credit.number,
          debit: entry.debit.number,
        }}
        components={[mono("credit"), mono("debit")]}
      />
    );
    detail = (
      <>
        <MoneyText amount={entry.amount} currency={entry.currency} />
        {entry.actorName ? ` · ${by(entry.actorName)}` : null}
        {entry.reason ? ` · ${t("activity.reason", { reason: entry.reason })}` : null}
      </>
    );
  } else {
    title = activitySentence(t, entry.facts, { money, locale });
  }
  return (
    <li className="relative">
      <span
        aria-hidden="true"
        className={`absolute top-1.5 -start-[29px] size-2.5 rounded-full ring-4 ring-white ${dot}`}
      />
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5">
        <p className="text-sm text-ink">{title}</p>
        <DateText value={entry.at} mode="datetime" className="text-xs text-ink-faint" />
      </div>
      {detail ? <p className="mt-0.5 text-sm text-ink-muted">{detail}</p> : null}
    </li>
  );
}
