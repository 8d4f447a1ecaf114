import { MAX_INVOICES_PER_DOWNLOAD } from "@settle/domain/invoices/invoice-list-options";
import { Alert } from "@settle/ui/alert";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "~/i18n/use-translation";
import type { PageInvoiceList } from "./invoice-list-for-page";

/** Why a download of the selected invoices was sent back (none chosen, or too many). */
export function SelectionProblem({ selection }: { selection: string | undefined }) {
  const { t } = useTranslation("invoices");
  if (selection !== "emptySelection" && selection !== "tooManySelected") return null;
  return (
    <Alert tone="warning" className="mb-6">
      {t(`selection.${selection}`, { max: MAX_INVOICES_PER_DOWNLOAD })}
    </Alert>
  );
}

/** How many invoices match and what they and their open amounts come to, per currency. */
export function InvoiceTotals({ list }: { list: PageInvoiceList }) {
  const { t } = useTranslation("invoices");
  const format = useFormat();
  if (list.total === 0) return null;
  return (
    <p className="mb-3 text-sm text-ink-muted" aria-live="polite">
      {list.totals
        .map((total) =>
          t("summary", {
            count: total.count,
            open: format.money(total.openAmount, total.currency),
            amount: format.money(total.amount, total.currency),
          }),
        )
        .join(" · ")}
    </p>
  );
}
