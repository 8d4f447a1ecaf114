import type { PortalHome } from "@settle/domain/portal/get-portal-home";
import { Address } from "@settle/ui/address";
import { Card } from "@settle/ui/card";
import { DescriptionList } from "@settle/ui/description-list";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useAccountCapabilities } from "~/lib/root-data";

const mono = (text: string) => (
  <span dir="ltr" className="font-mono text-[0.8125rem] tracking-tight select-all">
    {text}
  </span>
);

/** Bank details, what to quote, where to send remittances; and paying by card when allowed. */
export function HowToPayCard({ home, className }: { home: PortalHome; className?: string }) {
  const { t } = useTranslation("home");
  const { t: tp } = useTranslation("payments");
  const { canPay } = useAccountCapabilities(home.customer.id);
  const pay = home.payTo;
  const bank = [
    { term: t("howToPay.accountName"), details: <bdi>{pay.bankAccountName}</bdi> },
    { term: t("howToPay.bank"), details: <bdi>{pay.bankName}</bdi> },
    { term: t("howToPay.accountNumber"), details: mono(pay.bankAccount) },
    ...(pay.bankRouting ? [{ term: t("howToPay.routingNumber"), details: mono(pay.bankRouting) }] : []),
    ...(pay.iban ? [{ term: t("howToPay.iban"), details: mono(pay.iban) }] : []),
    ...(pay.swift ? [{ term: t("howToPay.swift"), details: mono(pay.swift) }] : []),
  ];
  return (
    <Card title={t("howToPay.title")} id="how-to-pay" className={className}>
      <div className="grid gap-6 md:grid-cols-5">
        <div className="md:col-span-3">
          <h3 className="mb-3 text-sm font-semibold text-ink">{t("howToPay.bankTransfer")}</h3>
          <DescriptionList columns={2} items={bank} />
          <p className="mt-4 rounded-lg bg-brand-50 px-3 py-2.5 text-sm text-brand-900">
            <Trans
              t={t}
              i18nKey="howToPay.reference"
              values={{ accountNumber: home.customer.accountNumber }}
              components={{ strong: <strong className="font-semibold" dir="ltr" /> }}
            />
          </p>
        </div>
        <div className="border-line max-md:border-t max-md:pt-5 md:col-span-2 md:border-s md:ps-6">
          <h3 className="mb-2 text-sm font-semibold text-ink">{t("howToPay.remittance")}</h3>
          <p className="text-sm text-ink-muted">{t("howToPay.remittanceIntro")}</p>
          <Address
            name={pay.remitToName}
            lines={pay.remitToAddress}
            className="mt-2 text-sm leading-6 text-ink"
          />
          {canPay ? (
            <>
              <h3 className="mt-5 mb-2 text-sm font-semibold text-ink">{tp("home.title")}</h3>
              <p className="text-sm text-ink-muted">{tp("home.body")}</p>
              <Link
                to={`/accounts/${home.customer.id}/invoices?status=open`}
                className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline"
              >
                {tp("home.link")}
              </Link>
            </>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
