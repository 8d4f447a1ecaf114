import type { InPlanMark as DomainInPlanMark } from "@settle/domain/plans/in-plan";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { formatDate } from "@settle/ui/date-text";
import { moneyText, useMoneyFormat } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { oncePerKey } from "~/i18n/per-page";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";

/** What a page shows of a document's plan (plans/in-plan.ts), and so what is serialized into it. */
export interface PageInPlan {
  planId: string;
  label: string;
  next: { dueDate: Date; amount: bigint; currency: string; missed: boolean } | null;
}

export function pageInPlan(mark: DomainInPlanMark | null): PageInPlan | null {
  if (!mark) return null;
  const next = mark.nextInstalment;
  return {
    planId: mark.plan.id,
    label: mark.plan.label,
    next: next
      ? {
          dueDate: next.dueDate,
          amount: next.amount,
          currency: mark.plan.currency,
          missed: next.status === "MISSED",
        }
      : null,
  };
}

/**
 * The words of in-plan marks, looked up once per page (tables render many rows): "In plan
 * PP-1001" and "Next instalment 250.00 USD on 15 Jan 2027" (or that it is overdue, once missed).
 */
export function useInPlanTexts(t: TFunction, locale: string) {
  const money = useMoneyFormat();
  return {
    badge: oncePerKey((label: string) => t("invoices:inPlan.badge", { label })),
    next: (next: NonNullable<PageInPlan["next"]>) =>
      t(next.missed ? "invoices:inPlan.overdue" : "invoices:inPlan.next", {
        amount: moneyText(money, next.amount, next.currency, locale),
        date: formatDate(next.dueDate, { locale }),
      }),
  };
}

export type InPlanTexts = ReturnType<typeof useInPlanTexts>;

/**
 * A covered document's badge, linking to its plan's page, and the plan's next instalment. A plain
 * link: a router <Link> per row costs more than the rest of a row.
 */
export function InPlanNote({ mark, base, texts }: { mark: PageInPlan; base: string; texts: InPlanTexts }) {
  return (
    <div className="mt-1 flex flex-col items-start gap-0.5">
      <Badge tone="brand">
        <a href={`${base}/payment-plans/${mark.planId}`} className="hover:underline">
          {texts.badge(mark.label)}
        </a>
      </Badge>
      {mark.next ? (
        <small className={mark.next.missed ? "text-xs text-red-700" : "text-xs text-ink-muted"}>
          {texts.next(mark.next)}
        </small>
      ) : null}
    </div>
  );
}

/** The invoice page's note: the plan covering the invoice (a link to it) and its next instalment. */
export function InvoicePlanNotice({ inPlan, base }: { inPlan: DomainInPlanMark | null; base: string }) {
  const { t } = useTranslation("invoices");
  const texts = useInPlanTexts(t, useLocale());
  const mark = pageInPlan(inPlan);
  if (!mark) return null;
  return (
    <Alert tone="info" className="mb-6">
      <p>{t("inPlan.notice")}</p>
      <InPlanNote mark={mark} base={base} texts={texts} />
    </Alert>
  );
}
