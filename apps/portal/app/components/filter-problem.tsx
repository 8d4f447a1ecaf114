import { Alert } from "@settle/ui/alert";
import { useTranslation } from "~/i18n/use-translation";
import type { ErrorDetail } from "./error-copy";

/** What to change in a list's filters (a period or filter the use case refused), in the page's words. */
export function FilterProblem({
  problem,
  namespace,
}: {
  problem: ErrorDetail | null;
  namespace: "statement" | "invoices" | "payment-history";
}) {
  const { t } = useTranslation(namespace);
  if (!problem?.messageKey) return null;
  return (
    <Alert tone="danger" title={t("problems.title")} className="mb-6">
      {t(problem.messageKey, { ...problem.values, defaultValue: t("problems.invalid") })}
    </Alert>
  );
}
