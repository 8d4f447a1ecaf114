import type { PaymentPlanOffer } from "@settle/domain/plans/get-payment-plan";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

export type Payment = PaymentPlanOffer["schedule"][number];
type CoveredInvoice = PaymentPlanOffer["invoices"][number];

/** The schedule's columns: each payment (the down payment first), its due date and amount. */
export const scheduleColumns = (t: TFunction, money: (amount: bigint) => ReactNode): Column<Payment>[] => [
  {
    id: "payment",
    header: t("schedule.payment"),
    cell: (p) =>
      p.downPayment ? t("schedule.downPayment") : t("schedule.instalment", { number: p.sequence }),
    rowHeader: true,
  },
  {
    id: "date",
    header: t("schedule.date"),
    cell: (p) => <DateText value={p.dueDate} timeZone="UTC" />,
  },
  { id: "amount", header: t("schedule.amount"), cell: (p) => money(p.amount), align: "right" },
];

/** The offer's terms: totals, expiry and status, the invoices it covers and its schedule. */
export function PlanTerms({ offer }: { offer: PaymentPlanOffer }) {
  const { t } = useTranslation("payment-plans");
  const money = (amount: bigint) => <MoneyText amount={amount} currency={offer.currency} />;
  // A request the customer made is not an offer: it has no expiry, the collector answers it.
  const request = offer.status === "REQUESTED" || offer.status === "OFFERED";
  const standing =
    offer.status === "PROPOSED"
      ? offer.expired
        ? t("terms.expired")
        : t("terms.open")
      : request
        ? t(`terms.${offer.status === "REQUESTED" ? "requested" : "offered"}`)
        : t("terms.answered");
  return (
    <>
      <Card title={t("terms.title")}>
        <DescriptionList
          columns={3}
          items={[
            { term: t("terms.total"), details: money(offer.total) },
            { term: t("terms.covered"), details: money(offer.covered) },
            { term: t("terms.fee"), details: money(offer.fee) },
            { term: t("terms.downPayment"), details: money(offer.downPayment) },
            ...(request
              ? []
              : [
                  {
                    term: t("terms.expiresOn"),
                    details: <DateText value={offer.expiresOn} timeZone="UTC" />,
                  },
                ]),
            {
              term: t("terms.status"),
              details: (
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={offer.can.answer ? "warning" : "neutral"}>
                    {t(`statuses.${offer.expired ? "EXPIRED" : offer.status}`)}
                  </Badge>
                  <span className="text-ink-muted">{standing}</span>
                </span>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t("invoices.title")} flush>
        <DataTable<CoveredInvoice>
          caption={t("invoices.title")}
          rows={offer.invoices}
          rowKey={(i) => i.id}
          columns={[
            { id: "number", header: t("invoices.number"), cell: (i) => i.number, rowHeader: true },
            { id: "amount", header: t("invoices.amount"), cell: (i) => money(i.amount), align: "right" },
          ]}
        />
      </Card>
      <Card title={t("schedule.title")} flush>
        <DataTable<Payment>
          caption={t("schedule.title")}
          rows={offer.schedule}
          rowKey={(p) => String(p.sequence)}
          columns={scheduleColumns(t, money)}
        />
      </Card>
    </>
  );
}
