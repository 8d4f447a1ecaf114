import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { Badge } from "@settle/ui/badge";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { DISPUTE_STATUS_TONE } from "../../dispute-labels.ts";
import { useTranslation } from "../../i18n/use-translation.ts";

/** The dispute's number, reason and status, with the customer, invoice and amount. */
export function DisputeHeader({ dispute: d }: { dispute: StaffDisputeView }) {
  const { t } = useTranslation("dispute");
  return (
    <PageHeader
      back={{ to: "/disputes", label: t("header.back") }}
      title={
        <>
          {d.label} · {t(`labels:disputeReason.${d.reason}`)}
        </>
      }
      meta={
        <>
          <Badge tone={DISPUTE_STATUS_TONE[d.status]}>{t(`labels:disputeStatus.${d.status}`)}</Badge>
          {d.escalatedAt ? <Badge tone="danger">{t("header.escalated")}</Badge> : null}
        </>
      }
      description={
        <Trans
          t={t}
          i18nKey="header.summary"
          values={{ customer: d.customer.name, account: d.customer.accountNumber, invoice: d.invoice.number }}
          components={[
            <Link
              key="customer"
              to={`/customers/${d.customer.id}`}
              className="font-medium text-brand-700 hover:underline"
            />,
            <span key="invoice" className="font-mono" />,
            <MoneyText key="amount" amount={d.amount} currency={d.currency} />,
            <DateText key="raised" value={d.createdAt} mode="datetime" />,
          ]}
        />
      }
    />
  );
}
