import { NavLink } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useAccountCapabilities } from "~/lib/root-data";

/**
 * The account's sections: home, statement, invoices, payments, disputes, payment methods for those who can pay, and
 * users for the account's portal admins.
 * The current one is marked for screen readers.
 */
export function AccountNav({ customerId }: { customerId: string }) {
  const { t } = useTranslation("invoices");
  const { canPay, canManageUsers } = useAccountCapabilities(customerId);
  const base = `/accounts/${customerId}`;
  const links = [
    { to: base, label: t("nav.home"), end: true },
    { to: `${base}/statement`, label: t("nav.statement"), end: false },
    { to: `${base}/invoices`, label: t("nav.invoices"), end: false },
    // The outcome pages Stripe returns to (payments/:attemptId) belong to paying, not to this tab.
    { to: `${base}/payments`, label: t("nav.payments"), end: true },
    { to: `${base}/disputes`, label: t("nav.disputes"), end: false },
    ...(canPay ? [{ to: `${base}/payment-methods`, label: t("nav.paymentMethods"), end: false }] : []),
    ...(canManageUsers ? [{ to: `${base}/users`, label: t("nav.users"), end: false }] : []),
  ];
  return (
    <nav aria-label={t("nav.label")} className="mb-6 border-b border-line">
      <ul className="-mb-px flex gap-6 overflow-x-auto text-sm font-medium">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
              className={({ isActive }) =>
                `inline-block border-b-2 px-1 pt-1 pb-3 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
                  isActive
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-ink-muted hover:border-slate-300 hover:text-ink"
                }`
              }
            >
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
