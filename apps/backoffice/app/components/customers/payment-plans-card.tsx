import type { PaymentPlanRow } from "@settle/domain/plans/list-payment-plans";
import { Badge, type Tone } from "@settle/ui/badge";
import { LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { Toast } from "@settle/ui/toast";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "../../i18n/use-translation.ts";

const STATUS_TONES: Record<string, Tone> = {
  PROPOSED: "info",
  ACCEPTED: "brand",
  ACTIVE: "brand",
  COMPLETED: "success",
  DEFAULTED: "danger",
  CANCELLED: "neutral",
  EXPIRED: "neutral",
  DECLINED: "warning",
  CHANGES_REQUESTED: "warning",
};

const columnsIn = (t: TFunction, customerId: string): Column<PaymentPlanRow>[] => [
  {
    id: "plan",
    header: t("card.plan"),
    rowHeader: true,
    cell: (p) => <span className="font-mono text-xs font-medium">{p.label}</span>,
  },
  {
    id: "status",
    header: t("card.status"),
    cell: (p) => <Badge tone={STATUS_TONES[p.status] ?? "neutral"}>{t(`statuses.${p.status}`)}</Badge>,
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
    cell: (p) => t("card.paidOf", { paid: p.paidCount, count: p.paymentCount }),
  },
  {
    id: "nextDue",
    header: t("card.nextDue"),
    cell: (p) => (p.nextDueDate ? <DateText value={p.nextDueDate} className="tabular" /> : "—"),
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
 * The account's payment plans, a button to propose one for those who may, and the toast naming a
 * plan just offered (`proposed`: its id, from the propose page's redirect).
 */
export function PaymentPlansCard({
  customerId,
  plans,
  canPropose,
  proposed,
  className,
}: {
  customerId: string;
  plans: PaymentPlanRow[];
  canPropose: boolean;
  proposed: string | null;
  className?: string;
}) {
  const { t } = useTranslation("payment-plans");
  const columns = useMemo(() => columnsIn(t, customerId), [t, customerId]);
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
      <DataTable
        caption={t("card.caption")}
        columns={columns}
        rows={plans}
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
