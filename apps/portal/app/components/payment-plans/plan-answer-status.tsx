import type { PaymentPlanOffer } from "@settle/domain/plans/get-payment-plan";
import { Alert } from "@settle/ui/alert";
import { formatDate } from "@settle/ui/date-text";
import { usePageLocale } from "@settle/ui/page-locale";
import { useTranslation } from "~/i18n/use-translation";

/** The customer's answer once given: accepted by whom and when (and how they pay), or declined / changes asked. */
export function PlanAnswerStatus({ offer }: { offer: PaymentPlanOffer }) {
  const { t } = useTranslation("payment-plans");
  const locale = usePageLocale();
  const { answer } = offer;
  if (!answer) return null;
  const date = formatDate(answer.respondedAt, { locale });
  const accepted = answer.acceptedName !== null;
  // Answered otherwise: declined or sent back for other terms.
  const other = offer.status === "CHANGES_REQUESTED" ? "CHANGES_REQUESTED" : "DECLINED";
  return (
    <Alert tone={accepted ? "success" : "info"}>
      <p>
        {accepted
          ? t("answered.ACCEPTED", { name: answer.acceptedName, date })
          : t(`answered.${other}`, { date })}
      </p>
      {accepted && answer.payBy ? <p className="mt-1">{t(`answered.payBy${answer.payBy}`)}</p> : null}
      {answer.message ? <p className="mt-1">{t("answered.message", { message: answer.message })}</p> : null}
    </Alert>
  );
}
