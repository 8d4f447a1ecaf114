import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { Alert } from "@settle/ui/alert";
import { buttonClasses } from "@settle/ui/button";
import { MoneyText } from "@settle/ui/money-text";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useAccountCapabilities, useLocale } from "~/lib/root-data";

/**
 * Pay (payers of the page's account, while open), the PDF, and raising a dispute (while open). The
 * page's account may be the invoice's parent account: its capabilities count, and a child
 * account's invoice is only read there (paid and disputed by the child account's users: ADR 027).
 */
export function InvoiceActions({ invoice, customerId }: { invoice: InvoiceDetail; customerId: string }) {
  const { t } = useTranslation("invoices");
  const { canPay } = useAccountCapabilities(customerId);
  const base = `/accounts/${customerId}`;
  const own = invoice.customer.id === customerId.toLowerCase();
  const open = invoice.openAmount > 0n && own;
  return (
    <div className="flex flex-wrap gap-2">
      {canPay && open ? (
        <Link to={`${base}/pay?id=${invoice.id}`} className={buttonClasses("primary", "sm")}>
          {t("payments:payThis")}
        </Link>
      ) : null}
      <a
        href={`${base}/invoices/${invoice.id}/pdf`}
        download
        className={buttonClasses(canPay && open ? "secondary" : "primary", "sm")}
      >
        {t("detail.downloadPdf")}
      </a>
      {open ? (
        <Link to={`${base}/invoices/${invoice.id}/dispute`} className={buttonClasses("secondary", "sm")}>
          {t("disputes:raise.action")}
        </Link>
      ) : null}
    </div>
  );
}

/** How much of the invoice open disputes hold, with a link to each. */
export function InvoiceDisputeNotice({ invoice, base }: { invoice: InvoiceDetail; base: string }) {
  const { t } = useTranslation("invoices");
  const locale = useLocale();
  if (!invoice.inDispute) return null;
  return (
    <Alert tone="warning" className="mb-6">
      <p>
        <Trans
          t={t}
          i18nKey="disputes:invoiceNotice"
          components={{
            amount: (
              <MoneyText
                amount={invoice.inDispute.amount}
                currency={invoice.currency}
                locale={locale}
                className="font-semibold"
              />
            ),
          }}
        />
      </p>
      <ul className="mt-1 flex flex-wrap gap-3">
        {invoice.inDispute.disputes.map((d) => (
          <li key={d.id}>
            <Link to={`${base}/disputes/${d.id}`} className="font-medium underline">
              {t("disputes:invoiceNoticeLink", { label: `D-${d.number}` })}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
