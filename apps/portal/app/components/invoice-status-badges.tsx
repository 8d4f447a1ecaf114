import type { InvoiceStatus } from "@settle/domain/invoices/invoice-status";
import { Badge } from "@settle/ui/badge";
import { useTranslation } from "react-i18next";

/**
 * Status badges a clerk reads at a glance; the words carry the meaning, colour only repeats it.
 * `inDispute`: part of it is held by an open dispute.
 */
export function InvoiceStatusBadges({
  status,
  inDispute = false,
}: {
  status: InvoiceStatus;
  inDispute?: boolean;
}) {
  const { t } = useTranslation("invoices");
  return (
    <span className="inline-flex flex-wrap gap-1">
      {status.code === "OVERDUE" ? (
        <Badge tone="danger">{t("status.overdueBy", { count: status.daysOverdue })}</Badge>
      ) : status.code === "PAID" ? (
        <Badge tone="success">{t("status.paid")}</Badge>
      ) : status.code === "CREDITED" ? (
        <Badge tone="brand">{t("status.credited")}</Badge>
      ) : status.dueToday ? (
        <Badge tone="warning">{t("status.dueToday")}</Badge>
      ) : status.code === "OPEN" ? (
        <Badge tone="info">{t("status.open")}</Badge>
      ) : null}
      {status.partiallyPaid ? <Badge tone="neutral">{t("status.partiallyPaid")}</Badge> : null}
      {inDispute ? <Badge tone="warning">{t("status.inDispute")}</Badge> : null}
    </span>
  );
}
