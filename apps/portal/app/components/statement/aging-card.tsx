import { maxBig } from "@settle/domain/money/money";
import type { AgingBucket } from "@settle/domain/statements/statement-options";
import { Card } from "@settle/ui/card";
import { MoneyText } from "@settle/ui/money-text";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import type { PageStatement } from "./statement-for-page";

const BUCKET_TONES: Record<AgingBucket, string> = {
  current: "bg-emerald-500",
  "1-30": "bg-amber-400",
  "31-60": "bg-amber-500",
  "61-90": "bg-orange-500",
  "91-120": "bg-red-500",
  "over-120": "bg-red-700",
};

/** What is open by age, each bucket a bar against the largest, and the net of debits and credits. */
export function AgingCard({ statement, className }: { statement: PageStatement; className?: string }) {
  const { t } = useTranslation("statement");
  const locale = useLocale();
  const format = useFormat();
  const { aging } = statement;
  const max = aging.buckets.reduce((m, b) => maxBig(m, b.amount), 0n);
  return (
    <Card title={t("aging.title")} id="aging" className={className}>
      <p className="mb-3 text-xs text-ink-faint">{t("aging.asOf", { date: format.date(aging.asOf) })}</p>
      <ul className="space-y-2.5">
        {aging.buckets.map((b) => {
          // Integer arithmetic: tenths of a percent of the largest bucket.
          const width = max > 0n ? Number((b.amount * 1000n) / max) / 10 : 0;
          return (
            <li key={b.bucket} className="grid grid-cols-[6.5rem_1fr_auto] items-center gap-3 text-sm">
              <span className="text-ink-muted">{t(`aging.buckets.${b.bucket}`)}</span>
              <span aria-hidden="true" className="h-2.5 overflow-hidden rounded-full bg-slate-100">
                <span
                  className={`block h-full rounded-full ${BUCKET_TONES[b.bucket]}`}
                  style={{ width: `${width}%` }}
                />
              </span>
              <MoneyText
                amount={b.amount}
                currency={statement.currency}
                locale={locale}
                className="text-end font-medium"
              />
            </li>
          );
        })}
      </ul>
      <dl className="mt-4 space-y-1.5 border-t border-line pt-3 text-sm">
        <div className="flex justify-between gap-3">
          <dt className="text-ink-muted">{t("aging.openDebits")}</dt>
          <dd>
            <MoneyText amount={aging.openDebits} currency={statement.currency} locale={locale} />
          </dd>
        </div>
        {/* Parts of the open items, shown when there are any: held by disputes, covered by plans. */}
        {(["inDispute", "inPlan"] as const).map((part) =>
          aging[part] > 0n ? (
            <div key={part} className="flex justify-between gap-3">
              <dt className="ps-3 text-ink-muted">{t(`aging.${part}`)}</dt>
              <dd>
                <MoneyText amount={aging[part]} currency={statement.currency} locale={locale} />
              </dd>
            </div>
          ) : null,
        )}
        <div className="flex justify-between gap-3">
          <dt className="text-ink-muted">
            {t("aging.unappliedCredits", { count: aging.unappliedCreditCount })}
          </dt>
          <dd>
            <MoneyText
              amount={-aging.unappliedCredits}
              currency={statement.currency}
              locale={locale}
              tone="signed"
            />
          </dd>
        </div>
        <div className="flex justify-between gap-3 font-semibold">
          <dt>{t("aging.net")}</dt>
          <dd>
            <MoneyText amount={aging.net} currency={statement.currency} locale={locale} />
          </dd>
        </div>
      </dl>
    </Card>
  );
}
