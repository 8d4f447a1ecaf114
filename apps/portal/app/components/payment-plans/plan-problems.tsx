import type { SubmissionResult } from "@conform-to/react";
import { Alert } from "@settle/ui/alert";
import { useTranslation } from "~/i18n/use-translation";

/**
 * Why the last answer was not recorded, when it concerns the offer as a whole (terms changed,
 * expired, answered already, not a payer) or the answer itself is unknown; field errors stay on
 * their fields. A live region, so the refusal is announced.
 */
export function PlanProblems({ reply }: { reply: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("payment-plans");
  const problems = Object.entries(reply?.error ?? {})
    .filter(([name]) => name === "" || name === "answer")
    .flatMap(([, messages]) => messages ?? []);
  return (
    <div aria-live="polite" className="empty:hidden">
      {problems.length > 0 && (
        <Alert tone="danger" title={t("problem")}>
          {problems.join(" ")}
        </Alert>
      )}
    </div>
  );
}
