import type { InvoiceStatus } from "@settle/domain/invoices/invoice-status";
import { Badge } from "@settle/ui/badge";
import type { TFunction } from "i18next";
import { oncePerKey } from "~/i18n/per-page";
import { useTranslation } from "~/i18n/use-translation";

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
  return statusBadges(status, inDispute, badgeTexts(t));
}

type BadgeTexts = ReturnType<typeof badgeTexts>;

/**
 * The badges' words, each looked up once (per page, for a table of invoices): the fixed ones, and
 * "overdue by n days" once per n.
 */
export function badgeTexts(t: TFunction<"invoices">) {
  return {
    label: oncePerKey((key: "paid" | "credited" | "dueToday" | "open" | "partiallyPaid" | "inDispute") =>
      t(`status.${key}`),
    ),
    overdueBy: oncePerKey((days: number) => t("status.overdueBy", { count: days })),
  };
}

/** The badges of one invoice, for a table that renders many of them with the same texts. */
export function statusBadges(status: InvoiceStatus, inDispute: boolean, texts: BadgeTexts) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {status.code === "OVERDUE" ? (
        <Badge tone="danger">{texts.overdueBy(status.daysOverdue)}</Badge>
      ) : status.code === "PAID" ? (
        <Badge tone="success">{texts.label("paid")}</Badge>
      ) : status.code === "CREDITED" ? (
        <Badge tone="brand">{texts.label("credited")}</Badge>
      ) : status.dueToday ? (
        <Badge tone="warning">{texts.label("dueToday")}</Badge>
      ) : status.code === "OPEN" ? (
        <Badge tone="info">{texts.label("open")}</Badge>
      ) : null}
      {status.partiallyPaid ? <Badge tone="neutral">{texts.label("partiallyPaid")}</Badge> : null}
      {inDispute ? <Badge tone="warning">{texts.label("inDispute")}</Badge> : null}
    </span>
  );
}
