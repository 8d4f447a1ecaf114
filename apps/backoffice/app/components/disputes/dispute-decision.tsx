import { getFormProps } from "@conform-to/react";
import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { TextareaField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { disputeIssueWords } from "./dispute-issue-words.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

type Decision = NonNullable<StaffDisputeView["decision"]>;

function Who({ name, at }: { name: string | undefined; at: Date | null }) {
  return (
    <>
      {name ?? "—"}
      {at ? (
        <span className="block text-xs text-ink-muted">
          <DateText value={at} mode="datetime" />
        </span>
      ) : null}
    </>
  );
}

/**
 * The resolution, proposed (waiting for a second staff member's approval) or final; an approver
 * other than the one who proposed it approves it or sends it back here.
 */
export function DisputeDecision({
  dispute: d,
  decision,
  me,
  answer,
}: {
  dispute: StaffDisputeView;
  decision: Decision;
  /** The signed-in staff member: who proposed it cannot approve it. */
  me: string;
  answer?: IntentAnswer;
}) {
  const { t } = useTranslation("dispute");
  const pending = d.status === "PENDING_APPROVAL";
  const own = decision.decidedBy?.id === me;
  return (
    <Card title={pending ? t("decision.proposed") : t("decision.title")}>
      <div className="space-y-4">
        <FormOutcome done={doneFor(answer, "resolve", "approve", "reject")} />
        <DescriptionList
          columns={2}
          items={[
            { term: t("decision.outcome"), details: t(`decision.outcomes.${decision.outcome}`) },
            {
              term: t("decision.credit"),
              details:
                decision.creditAmount !== null ? (
                  <MoneyText amount={decision.creditAmount} currency={d.currency} className="font-medium" />
                ) : (
                  t("decision.none")
                ),
            },
            {
              term: t("decision.rootCause"),
              details: decision.rootCause ? t(`labels:disputeRootCause.${decision.rootCause}`) : "—",
            },
            {
              term: t("decision.decidedBy"),
              details: <Who name={decision.decidedBy?.name} at={decision.decidedAt} />,
            },
            ...(decision.approvedBy
              ? [
                  {
                    term: t("decision.approvedBy"),
                    details: <Who name={decision.approvedBy.name} at={decision.approvedAt} />,
                  },
                ]
              : []),
            ...(d.creditMemo
              ? [
                  {
                    term: t("decision.creditMemo"),
                    details: (
                      <>
                        <span className="font-mono">{d.creditMemo.number}</span>
                        <span className="block text-xs text-ink-muted">
                          <Trans
                            t={t}
                            i18nKey="decision.applied"
                            components={[
                              <MoneyText key="applied" amount={d.creditMemo.applied} currency={d.currency} />,
                            ]}
                          />
                        </span>
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {decision.explanation ? (
          <div>
            <h3 className="text-sm font-medium text-ink">{t("decision.explanation")}</h3>
            <p className="mt-1 text-sm whitespace-pre-wrap">{decision.explanation}</p>
          </div>
        ) : null}
        {!pending ? null : !d.can.approve ? (
          <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-ink-muted">
            {t("decision.waiting", { name: decision.decidedBy?.name ?? t("decision.theAnalyst") })}
          </p>
        ) : own ? (
          <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-ink-muted">{t("decision.own")}</p>
        ) : (
          <ApprovalForm answer={answer} />
        )}
      </div>
    </Card>
  );
}

function ApprovalForm({ answer }: { answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute");
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const [form, fields] = useIntentForm(
    DisputePageFormSchema,
    "dispute-approval",
    replyFor(answer, "approve", "reject"),
    undefined,
    disputeIssueWords(t),
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-line pt-4">
      <CsrfInput token={csrf} />
      <FormOutcome errors={form.errors} id={form.errorId} />
      <TextareaField
        label={
          <Trans
            t={t}
            i18nKey="decision.note"
            components={[<span key="hint" className="font-normal text-ink-muted" />]}
          />
        }
        field={fields.note}
        rows={2}
        maxLength={2000}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="approve" variant="primary" disabled={busy}>
          {t("decision.approve")}
        </Button>
        <Button type="submit" name="intent" value="reject" variant="secondary" disabled={busy}>
          {t("decision.reject")}
        </Button>
      </div>
    </Form>
  );
}
