import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { Address } from "@settle/ui/address";
import { Card } from "@settle/ui/card";
import { DescriptionList } from "@settle/ui/description-list";
import { useTranslation } from "~/i18n/use-translation";

const mono = (text: string) => (
  <span className="font-mono text-[0.8125rem] tracking-tight select-all">{text}</span>
);

/** The seller's bank details, what to quote, and where to send remittances. */
export function InvoiceHowToPay({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation("invoices");
  const pay = invoice.seller;
  return (
    <Card title={t("detail.howToPay")} id="how-to-pay">
      <div className="grid gap-6 md:grid-cols-5">
        <div className="md:col-span-3">
          <DescriptionList
            columns={2}
            items={[
              { term: t("detail.bankAccountName"), details: <bdi>{pay.bankAccountName}</bdi> },
              { term: t("detail.bank"), details: <bdi>{pay.bankName}</bdi> },
              { term: t("detail.bankAccount"), details: mono(pay.bankAccount) },
              ...(pay.bankRouting ? [{ term: t("detail.routing"), details: mono(pay.bankRouting) }] : []),
              ...(pay.iban ? [{ term: "IBAN", details: mono(pay.iban) }] : []),
              ...(pay.swift ? [{ term: "SWIFT / BIC", details: mono(pay.swift) }] : []),
            ]}
          />
          <p className="mt-4 rounded-lg bg-brand-50 px-3 py-2.5 text-sm text-brand-900">
            {t("detail.quote", { number: invoice.number, accountNumber: invoice.customer.accountNumber })}
          </p>
        </div>
        <div className="border-line max-md:border-t max-md:pt-5 md:col-span-2 md:border-s md:ps-6">
          <h3 className="mb-2 text-sm font-semibold text-ink">{t("detail.remitTo")}</h3>
          <Address name={pay.remitToName} lines={pay.remitToAddress} className="text-sm leading-6 text-ink" />
        </div>
      </div>
    </Card>
  );
}
