import type { InvoiceStatus } from "@settle/domain/invoices/invoice-status";
import type { TFunction } from "i18next";

/** The status in words, for exports and labels: "Overdue by 12 days · Partially paid". */
export function invoiceStatusLabel(t: TFunction, status: InvoiceStatus): string {
  switch (status.code) {
    case "OVERDUE": {
      const overdue = t("invoices:status.overdueBy", { count: status.daysOverdue });
      return status.partiallyPaid ? `${overdue} · ${t("invoices:status.partiallyPaid")}` : overdue;
    }
    case "OPEN":
      return status.dueToday ? t("invoices:status.dueToday") : t("invoices:status.open");
    case "PARTIALLY_PAID":
      return status.dueToday
        ? `${t("invoices:status.partiallyPaid")} · ${t("invoices:status.dueToday")}`
        : t("invoices:status.partiallyPaid");
    case "PAID":
      return t("invoices:status.paid");
    case "CREDITED":
      return t("invoices:status.credited");
  }
}
