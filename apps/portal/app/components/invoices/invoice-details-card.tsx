import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { Address } from "@settle/ui/address";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { useTranslation } from "~/i18n/use-translation";
import { paymentTermsLabel } from "~/lib/labels";
import { useLocale } from "~/lib/root-data";

/** Dates, terms and references of the invoice. */
export function InvoiceDetailsCard({ invoice, className }: { invoice: InvoiceDetail; className?: string }) {
  const { t } = useTranslation("invoices");
  const locale = useLocale();
  return (
    <Card title={t("detail.details")} id="details" className={className}>
      <DescriptionList
        items={[
          {
            term: t("detail.documentDate"),
            details: <DateText value={invoice.documentDate} locale={locale} />,
          },
          {
            term: t("detail.dueDate"),
            details: invoice.dueDate ? <DateText value={invoice.dueDate} locale={locale} /> : "—",
          },
          { term: t("detail.terms"), details: paymentTermsLabel(t, invoice.terms.code, invoice.terms.days) },
          { term: t("detail.poNumber"), details: invoice.poNumber ?? "—" },
          ...(invoice.reference ? [{ term: t("detail.reference"), details: invoice.reference }] : []),
          ...(invoice.description ? [{ term: t("detail.description"), details: invoice.description }] : []),
        ]}
      />
    </Card>
  );
}

/** Who is billed (with the billing address) and who bills (with its tax id). */
export function InvoicePartiesCard({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation("invoices");
  return (
    <Card title={t("detail.parties")} id="parties">
      <div className="space-y-4 text-sm">
        <div>
          <h3 className="text-xs font-medium tracking-wide text-ink-faint uppercase">{t("detail.billTo")}</h3>
          <Address
            name={invoice.customer.name}
            nameClassName="font-medium"
            lines={invoice.customer.billingAddress}
            className="mt-1 leading-6 text-ink"
          />
        </div>
        <div>
          <h3 className="text-xs font-medium tracking-wide text-ink-faint uppercase">{t("detail.from")}</h3>
          <p className="mt-1 leading-6 text-ink">
            <bdi className="font-medium">{invoice.seller.name}</bdi>
            {invoice.seller.taxId ? (
              <span className="block text-ink-muted">
                {t("detail.taxId", { taxId: invoice.seller.taxId })}
              </span>
            ) : null}
          </p>
        </div>
      </div>
    </Card>
  );
}
