import type { StaffPaymentPlan } from "@settle/domain/plans/get-plan-for-staff";
import { Badge, type Tone } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Trans } from "react-i18next";
import { useTranslation } from "../../i18n/use-translation.ts";

type Instalment = StaffPaymentPlan["schedule"][number];
type Charge = StaffPaymentPlan["charges"][number];
type CoveredItem = StaffPaymentPlan["invoices"][number];

const INSTALMENT_TONES: Record<string, Tone> = {
  DUE: "info",
  PAID: "success",
  MISSED: "danger",
  CANCELLED: "neutral",
};
const CHARGE_TONES: Record<string, Tone> = {
  PENDING: "neutral",
  PROCESSING: "info",
  SUCCEEDED: "success",
  FAILED: "danger",
};

const paymentName = (t: TFunction, sequence: number, downPayment: boolean) =>
  downPayment ? t("schedule.downPayment") : t("schedule.instalment", { n: sequence });

/** The dates an instalment went through: paid, missed, reminded, broken. */
function Steps({ i, t }: { i: Instalment; t: TFunction }) {
  const steps = (["paidOn", "missedOn", "remindedOn", "brokenOn"] as const).filter((k) => i[k]);
  if (steps.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-ink-muted">
      {steps.map((k) => (
        <li key={k}>
          <Trans t={t} i18nKey={`schedule.${k}`} components={[<DateText key={k} value={i[k]!} />]} />
        </li>
      ))}
    </ul>
  );
}

const scheduleColumns = (t: TFunction, currency: string): Column<Instalment>[] => [
  {
    id: "payment",
    header: t("schedule.payment"),
    rowHeader: true,
    cell: (i) => paymentName(t, i.sequence, i.downPayment),
  },
  {
    id: "due",
    header: t("schedule.dueDate"),
    cell: (i) => <DateText value={i.dueDate} className="tabular" />,
  },
  {
    id: "amount",
    header: t("schedule.amount"),
    align: "right",
    cell: (i) => <MoneyText amount={i.amount} currency={currency} />,
  },
  {
    id: "paid",
    header: t("schedule.paid"),
    align: "right",
    cell: (i) => <MoneyText amount={i.paidAmount} currency={currency} />,
  },
  {
    id: "status",
    header: t("schedule.status"),
    cell: (i) => (
      <>
        <Badge tone={INSTALMENT_TONES[i.status] ?? "neutral"}>{t(`schedule.statuses.${i.status}`)}</Badge>
        <Steps i={i} t={t} />
      </>
    ),
  },
];

/** Every payment of the schedule, down payment first, with what is paid and each step taken. */
export function PlanSchedule({ plan }: { plan: StaffPaymentPlan }) {
  const { t } = useTranslation("payment-plan");
  const columns = useMemo(() => scheduleColumns(t, plan.currency), [t, plan.currency]);
  return (
    <Card title={t("schedule.title")} flush>
      <DataTable
        caption={t("schedule.caption")}
        columns={columns}
        rows={plan.schedule}
        rowKey={(i) => i.id}
      />
    </Card>
  );
}

const invoiceColumns = (t: TFunction, currency: string): Column<CoveredItem>[] => [
  {
    id: "number",
    header: t("invoices.number"),
    rowHeader: true,
    cell: (i) => <span className="font-mono text-xs">{i.number}</span>,
  },
  {
    id: "amount",
    header: t("invoices.amount"),
    align: "right",
    cell: (i) => <MoneyText amount={i.amount} currency={currency} />,
  },
  {
    id: "open",
    header: t("invoices.open"),
    align: "right",
    cell: (i) => <MoneyText amount={i.openAmount} currency={currency} />,
  },
  {
    id: "held",
    header: t("invoices.inPlan"),
    cell: (i) => (i.held ? t("invoices.held") : t("invoices.released")),
  },
];

/** The items the plan covers: the amount when offered, open now, and whether the plan still holds it. */
export function PlanInvoices({ plan }: { plan: StaffPaymentPlan }) {
  const { t } = useTranslation("payment-plan");
  const columns = useMemo(() => invoiceColumns(t, plan.currency), [t, plan.currency]);
  return (
    <Card title={t("invoices.title")} flush>
      <DataTable
        caption={t("invoices.caption")}
        columns={columns}
        rows={plan.invoices}
        rowKey={(i) => i.id}
      />
    </Card>
  );
}

const chargeColumns = (t: TFunction, plan: StaffPaymentPlan): Column<Charge>[] => [
  {
    id: "date",
    header: t("charges.date"),
    rowHeader: true,
    cell: (c) => <DateText value={c.runDate} className="tabular" />,
  },
  {
    id: "payment",
    header: t("charges.payment"),
    cell: (c) => paymentName(t, c.sequence, c.sequence === 0 && plan.terms.downPayment > 0n),
  },
  { id: "attempt", header: t("charges.attempt"), align: "right", cell: (c) => c.attempt },
  {
    id: "amount",
    header: t("charges.amount"),
    align: "right",
    cell: (c) => <MoneyText amount={c.amount} currency={plan.currency} />,
  },
  {
    id: "status",
    header: t("charges.status"),
    cell: (c) => (
      <Badge tone={CHARGE_TONES[c.status] ?? "neutral"}>{t(`charges.statuses.${c.status}`)}</Badge>
    ),
  },
  {
    id: "failure",
    header: t("charges.failure"),
    cell: (c) =>
      c.failureCode || c.failureMessage ? (
        <span className="text-xs">
          {c.failureCode ? <span className="font-mono">{c.failureCode}</span> : null}
          {c.failureCode && c.failureMessage ? " · " : null}
          {c.failureMessage}
        </span>
      ) : (
        "—"
      ),
  },
];

/** Autopay's charges of the plan's instalments, newest first. */
export function PlanCharges({ plan }: { plan: StaffPaymentPlan }) {
  const { t } = useTranslation("payment-plan");
  const columns = useMemo(() => chargeColumns(t, plan), [t, plan]);
  return (
    <Card title={t("charges.title")} flush>
      <DataTable
        caption={t("charges.caption")}
        columns={columns}
        rows={plan.charges}
        rowKey={(c) => c.id}
        empty={<EmptyState title={t("charges.empty")} />}
      />
    </Card>
  );
}
