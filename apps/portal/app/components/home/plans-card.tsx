import type { PaymentPlanRow } from "@settle/domain/plans/list-payment-plans";
import { Badge } from "@settle/ui/badge";
import { buttonClasses } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";

/**
 * The account's payment plans on its home page: an offer waiting for an answer first in the eye
 * (with the day it stands until), each linking to its page with the terms and the agreement; with
 * `canRequest` (overdue invoices, and a payer or administrator), a link to ask for a plan.
 */
export function PlansCard({
  customerId,
  plans,
  canRequest,
}: {
  customerId: string;
  plans: PaymentPlanRow[];
  canRequest: boolean;
}) {
  const { t } = useTranslation("payment-plans");
  const locale = useLocale();
  const columns: Column<PaymentPlanRow>[] = [
    {
      id: "plan",
      header: t("home.plan"),
      rowHeader: true,
      cell: (p) => (
        <Link
          to={`/accounts/${customerId}/payment-plans/${p.id}`}
          className="font-mono text-xs font-medium text-brand-700 hover:underline"
        >
          {p.label}
        </Link>
      ),
    },
    {
      id: "status",
      header: t("terms.status"),
      cell: (p) => (
        <Badge tone={p.status === "PROPOSED" ? "warning" : "neutral"}>{t(`statuses.${p.status}`)}</Badge>
      ),
    },
    {
      id: "total",
      header: t("terms.total"),
      align: "right",
      cell: (p) => <MoneyText amount={p.total} currency={p.currency} locale={locale} />,
    },
    {
      id: "when",
      header: t("home.when"),
      cell: (p) =>
        p.status === "PROPOSED" ? (
          <span>
            {t("home.answerBy")} <DateText value={p.expiresOn} locale={locale} />
          </span>
        ) : p.nextDueDate ? (
          <span>
            {t("home.nextDue")} <DateText value={p.nextDueDate} locale={locale} />
          </span>
        ) : (
          "—"
        ),
    },
  ];
  return (
    <Card
      title={t("home.title")}
      flush
      actions={
        canRequest ? (
          <Link
            to={`/accounts/${customerId}/payment-plans/request`}
            className={buttonClasses("secondary", "sm")}
          >
            {t("request.link")}
          </Link>
        ) : null
      }
    >
      {plans.length > 0 ? (
        <DataTable caption={t("home.caption")} columns={columns} rows={plans} rowKey={(p) => p.id} />
      ) : (
        <p className="px-4 py-3 text-sm text-ink-muted">{t("request.homeHint")}</p>
      )}
    </Card>
  );
}
