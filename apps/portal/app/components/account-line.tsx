import { useTranslation } from "~/i18n/use-translation";

/** "Acme Corp · Account US-10042" under a list page's title (names and numbers kept in their own direction). */
export function AccountLine({ customer }: { customer: { name: string; accountNumber: string } }) {
  const { t } = useTranslation("invoices");
  return (
    <>
      <bdi>{customer.name}</bdi> · <bdi>{t("accountNumber", { number: customer.accountNumber })}</bdi>
    </>
  );
}
