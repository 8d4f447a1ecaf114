import { Alert } from "@settle/ui/alert";
import { Link } from "react-router";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "~/i18n/use-translation";
import { payRefusalValues } from "./pay-words";

/** Why these invoices cannot be paid here (a viewer, an invoice already paid, …), and the way back. */
export function PayRefused({
  reason,
  values,
  invoicesPath,
}: {
  reason: string;
  values: Record<string, string | number>;
  invoicesPath: string;
}) {
  const { t } = useTranslation("payments");
  const format = useFormat();
  return (
    <Alert tone={reason === "payers-only" ? "warning" : "danger"} title={t("review.cannotPay")}>
      <p>
        {t(`errors.${reason}`, {
          ...payRefusalValues(values, (minor, currency) => format.money(minor, currency)),
          defaultValue: t("errors.failed"),
        })}
      </p>
      <p className="mt-2">
        <Link to={invoicesPath} className="font-medium underline">
          {t("review.backToInvoices")}
        </Link>
      </p>
    </Alert>
  );
}
