import { planFee } from "@settle/domain/plans/plan-policy-forms";
import {
  PLAN_FREQUENCIES,
  type PlanFrequency,
  planSchedule,
  type ScheduledPayment,
} from "@settle/domain/plans/plan-schedule";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "../../i18n/use-translation.ts";
import { typedAmount } from "../card-payments/refund-reopen.tsx";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The terms as typed so far (the form's current texts). */
export interface TypedTerms {
  covered: bigint;
  downPayment: unknown;
  instalments: unknown;
  frequency: unknown;
  firstDate: unknown;
  /** The fee charged, in basis points of what is financed (0: none). */
  feeBps: number;
}

/**
 * The schedule the server would store for the terms typed so far, computed with the domain's
 * planSchedule (amounts that add up exactly, the remainder on the last) and the fee the domain
 * charges (planFee), or null while the terms are incomplete or not valid yet.
 */
export function previewSchedule(
  terms: TypedTerms,
  currency: string,
  locale: string,
): ScheduledPayment[] | null {
  const down =
    terms.downPayment === undefined || terms.downPayment === ""
      ? 0n
      : typedAmount(terms.downPayment, currency, locale);
  const instalments = Number(terms.instalments);
  const frequency = PLAN_FREQUENCIES.find((f) => f === terms.frequency);
  const first =
    typeof terms.firstDate === "string" && DATE_RE.test(terms.firstDate)
      ? new Date(`${terms.firstDate}T00:00:00Z`)
      : null;
  if (down === null || !frequency || !first || Number.isNaN(first.getTime())) return null;
  try {
    return planSchedule({
      covered: terms.covered,
      downPayment: down,
      fee: planFee(terms.covered - down, terms.feeBps),
      instalments,
      frequency: frequency as PlanFrequency,
      firstDate: first,
    });
  } catch {
    return null;
  }
}

const columnsIn = (t: TFunction, currency: string): Column<ScheduledPayment>[] => [
  {
    id: "payment",
    header: t("preview.payment"),
    rowHeader: true,
    cell: (p) => (p.sequence === 0 ? t("preview.downPayment") : t("preview.instalment", { n: p.sequence })),
  },
  {
    id: "due",
    header: t("preview.dueDate"),
    cell: (p) => <DateText value={p.dueDate} className="tabular" />,
  },
  {
    id: "amount",
    header: t("preview.amount"),
    align: "right",
    cell: (p) => <MoneyText amount={p.amount} currency={currency} />,
  },
];

/** The live schedule beside the form, with its total (what the ticked invoices hold, plus any fee). */
export function SchedulePreview({
  schedule,
  currency,
  fee = 0n,
  className,
}: {
  schedule: ScheduledPayment[] | null;
  currency: string;
  /** The plan fee the schedule includes (0: none). */
  fee?: bigint;
  className?: string;
}) {
  const { t } = useTranslation("payment-plans");
  const columns = useMemo(() => columnsIn(t, currency), [t, currency]);
  const total = schedule?.reduce((sum, p) => sum + p.amount, 0n) ?? 0n;
  return (
    <Card title={t("preview.title")} flush className={className}>
      <div aria-live="polite" data-testid="plan-preview">
        <DataTable
          caption={t("preview.caption")}
          columns={columns}
          rows={schedule ?? []}
          rowKey={(p) => String(p.sequence)}
          empty={<EmptyState title={t("preview.empty")} />}
        />
        {schedule && fee > 0n ? (
          <p className="flex justify-between border-t border-slate-200 px-4 py-3 text-sm text-ink-muted">
            <span>{t("preview.fee")}</span>
            <MoneyText amount={fee} currency={currency} />
          </p>
        ) : null}
        {schedule ? (
          <p className="flex justify-between border-t border-slate-200 px-4 py-3 text-sm font-semibold text-ink">
            <span>{t("preview.total")}</span>
            <MoneyText amount={total} currency={currency} />
          </p>
        ) : null}
      </div>
    </Card>
  );
}
