import type { OpenPlanProgress } from "@settle/domain/plans/in-plan";
import type { PaymentPlanRow } from "@settle/domain/plans/list-payment-plans";
import type { PlanRequestRow } from "@settle/domain/plans/plan-requests";
import { Badge } from "@settle/ui/badge";
import { LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { ProgressBar } from "@settle/ui/progress-bar";
import { Toast } from "@settle/ui/toast";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Link } from "react-router";
import { useMoneyWords } from "../../i18n/list-words.ts";
import { useTranslation } from "../../i18n/use-translation.ts";
import { PLAN_STATUS_TONES } from "../plans/plan-status-tones.ts";

/** A plan of the card, with how it is kept while it is open (accepted or active). */
type PlanRow = PaymentPlanRow & { progress: OpenPlanProgress | null };

/** Paid of total as a thin bar (an accessible progress bar), the instalments paid and missed. */
function PlanAdherence({
  progress,
  t,
  money,
}: {
  progress: OpenPlanProgress;
  t: TFunction;
  money: (amount: bigint, currency: string) => string;
}) {
  const paidOfTotal = t("card.amountPaidOf", {
    paid: money(progress.paid, progress.currency),
    total: money(progress.total, progress.currency),
  });
  return (
    <div className="min-w-40 space-y-1 text-xs">
      <p>{t("card.paidOf", { paid: progress.paidInstalments, count: progress.instalments })}</p>
      <ProgressBar
        part={progress.paid}
        whole={progress.total}
        label={t("card.progressOf", { label: progress.label })}
        valueText={paidOfTotal}
        className="h-1.5"
      />
      <p className="text-ink-muted">{paidOfTotal}</p>
      {progress.missed > 0 ? (
        <p className="font-medium text-red-700">{t("card.missed", { count: progress.missed })}</p>
      ) : null}
    </div>
  );
}

const columnsIn = (
  t: TFunction,
  customerId: string,
  money: (amount: bigint, currency: string) => string,
): Column<PlanRow>[] => [
  {
    id: "plan",
    header: t("card.plan"),
    rowHeader: true,
    cell: (p) => (
      <Link
        to={`/customers/${customerId}/payment-plans/${p.id}`}
        className="font-mono text-xs font-medium text-brand-700 hover:underline"
      >
        {p.label}
      </Link>
    ),
  },
  {
    id: "status",
    header: t("card.status"),
    cell: (p) => <Badge tone={PLAN_STATUS_TONES[p.status] ?? "neutral"}>{t(`statuses.${p.status}`)}</Badge>,
  },
  {
    id: "total",
    header: t("card.total"),
    align: "right",
    cell: (p) => <MoneyText amount={p.total} currency={p.currency} />,
  },
  {
    id: "paid",
    header: t("card.paid"),
    cell: (p) =>
      p.progress ? (
        <PlanAdherence progress={p.progress} t={t} money={money} />
      ) : (
        t("card.paidOf", { paid: p.paidCount, count: p.paymentCount })
      ),
  },
  {
    id: "nextDue",
    header: t("card.nextDue"),
    cell: (p) => {
      const next = p.progress?.nextInstalment;
      if (next) {
        return (
          <span className={next.status === "MISSED" ? "text-red-700" : undefined}>
            <MoneyText amount={next.amount} currency={p.currency} />{" "}
            <DateText value={next.dueDate} className="tabular text-ink-muted" />
          </span>
        );
      }
      return p.nextDueDate ? <DateText value={p.nextDueDate} className="tabular" /> : "—";
    },
  },
  {
    id: "expires",
    header: t("card.expires"),
    cell: (p) => (p.status === "PROPOSED" ? <DateText value={p.expiresOn} className="tabular" /> : "—"),
  },
  {
    id: "agreement",
    header: <span className="sr-only">{t("card.agreement")}</span>,
    cell: (p) => (
      <a
        href={`/customers/${customerId}/payment-plans/${p.id}/agreement.pdf`}
        download
        className="text-sm text-brand-700 hover:underline"
      >
        PDF<span className="sr-only"> {t("card.agreementOf", { label: p.label })}</span>
      </a>
    ),
  },
];

/**
 * The customer's requests waiting for an answer: what they asked for and why, each with a link to
 * the offer form pre-filled from it (where it may also be declined).
 */
function PlanRequests({
  customerId,
  requests,
  canPropose,
}: {
  customerId: string;
  requests: PlanRequestRow[];
  canPropose: boolean;
}) {
  const { t } = useTranslation("payment-plans");
  const money = useMoneyWords();
  return (
    <ul className="divide-y divide-slate-200 border-b border-slate-200" aria-label={t("card.requests.title")}>
      {requests.map((r) => (
        <li
          key={r.id}
          className="flex flex-wrap items-start gap-3 px-4 py-3 text-sm"
          data-testid="plan-request"
        >
          <div className="min-w-0 flex-1 space-y-1">
            <p className="font-medium text-ink">
              {t("card.requests.asked", {
                label: r.label,
                amount: money(r.covered, r.currency),
                instalments: r.instalmentCount,
                frequency: t(`frequencies.${r.frequency}`),
              })}
            </p>
            <p className="text-ink-muted">
              {t("card.requests.invoices", { numbers: r.invoiceNumbers.join(", ") })}
            </p>
            {r.reason ? (
              <blockquote className="border-s-2 border-slate-300 ps-3 whitespace-pre-line text-ink">
                {r.reason}
              </blockquote>
            ) : null}
          </div>
          {canPropose ? (
            <LinkButton to={`/customers/${customerId}/payment-plans/new?request=${r.id}`} size="sm">
              {t("card.requests.makeOffer")}
            </LinkButton>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The account's payment plans (the customer's waiting requests first), a button to propose one for those who may, and the toast naming a
 * plan just offered (`proposed`: its id, from the propose page's redirect). Open plans show how
 * they are kept (`progress`, plans/in-plan.ts): paid of total, missed instalments, the next one.
 */
export function PaymentPlansCard({
  customerId,
  plans,
  requests = [],
  progress = [],
  canPropose,
  proposed,
  className,
}: {
  customerId: string;
  plans: PaymentPlanRow[];
  requests?: PlanRequestRow[];
  progress?: OpenPlanProgress[];
  canPropose: boolean;
  proposed: string | null;
  className?: string;
}) {
  const { t } = useTranslation("payment-plans");
  const money = useMoneyWords();
  const columns = useMemo(() => columnsIn(t, customerId, money), [t, customerId, money]);
  const rows = useMemo(() => {
    const byId = new Map(progress.map((p) => [p.id, p]));
    return plans.map((p): PlanRow => ({ ...p, progress: byId.get(p.id) ?? null }));
  }, [plans, progress]);
  const offered = proposed ? plans.find((p) => p.id === proposed) : undefined;
  return (
    <Card
      title={t("card.title")}
      id="payment-plans"
      flush
      className={className}
      actions={
        canPropose ? (
          <LinkButton to={`/customers/${customerId}/payment-plans/new`} size="sm">
            {t("card.propose")}
          </LinkButton>
        ) : undefined
      }
    >
      {requests.length > 0 ? (
        <PlanRequests customerId={customerId} requests={requests} canPropose={canPropose} />
      ) : null}
      <DataTable
        caption={t("card.caption")}
        columns={columns}
        rows={rows}
        rowKey={(p) => p.id}
        empty={<EmptyState title={t("card.emptyTitle")} description={t("card.emptyDescription")} />}
      />
      <Toast
        message={offered ? t("offered", { label: offered.label }) : null}
        id={offered?.id}
        dismiss={t("common:dismiss")}
      />
    </Card>
  );
}
