import { Alert } from "@settle/ui/alert";
import { DateText } from "@settle/ui/date-text";
import { Trans } from "react-i18next";
import { useSearchParams } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import type { DisputeAnswer } from "./use-dispute-form";

/**
 * What just happened: the dispute was raised (until the next form), a form did what it said, or
 * a command refused (a field's own problem shows at the field).
 */
export function DisputeNotices({ deadline, answer }: { deadline: Date; answer: DisputeAnswer | undefined }) {
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  const [search] = useSearchParams();
  const done = answer?.done;
  const refused = answer?.reply.error?.[""];
  return (
    <>
      {search.get("raised") && !answer ? (
        <Alert tone="success">
          <Trans
            t={t}
            i18nKey="detail.raised"
            components={{ date: <DateText value={deadline} locale={locale} /> }}
          />
        </Alert>
      ) : null}
      {done ? (
        <Alert tone="success">
          {done.notice === "uploaded"
            ? t("detail.uploaded", { count: done.count ?? 0 })
            : t(`detail.${done.notice}`)}
        </Alert>
      ) : null}
      {refused?.length ? <Alert tone="danger">{refused.join(" ")}</Alert> : null}
    </>
  );
}
