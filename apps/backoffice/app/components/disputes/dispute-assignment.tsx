import { getFormProps } from "@conform-to/react";
import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { SelectField, TextareaField } from "@settle/ui/fields";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { disputeIssueWords } from "./dispute-issue-words.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

interface Choice {
  id: string;
  name: string;
}

interface AssignmentProps {
  dispute: StaffDisputeView;
  /** Who and which department it can go to. */
  people: Choice[];
  departments: Choice[];
  answer?: IntentAnswer;
}

/** Owner, department and deadline; taking it up for review and reassigning it. */
export function DisputeAssignment({ dispute: d, people, departments, answer }: AssignmentProps) {
  const { t } = useTranslation("dispute");
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  return (
    <Card title={t("assignment.title")}>
      <div className="space-y-4">
        <FormOutcome
          done={doneFor(answer, "reassign", "review")}
          errors={replyFor(answer, "review")?.error?.[""] ?? undefined}
        />
        <DescriptionList
          columns={1}
          items={[
            {
              term: t("assignment.owner"),
              details: d.owner?.name ?? <span className="text-ink-faint">{t("assignment.unassigned")}</span>,
            },
            {
              term: t("assignment.department"),
              details: d.department?.name ?? <span className="text-ink-faint">{t("assignment.none")}</span>,
            },
            {
              term: t("assignment.deadline"),
              details: (
                <>
                  <DateText
                    value={d.deadline}
                    className={d.overdue ? "font-medium text-red-700" : undefined}
                  />
                  {d.overdue ? (
                    <span className="block text-xs text-red-700">
                      {d.overdueBusinessDays > 0
                        ? t("labels:overdueBy", { count: d.overdueBusinessDays })
                        : t("labels:pastDeadline")}
                    </span>
                  ) : null}
                  <span className="block text-xs text-ink-muted">
                    {d.rule
                      ? t("assignment.byMatrix", { count: d.rule.deadlineDays })
                      : t("assignment.noRule", { days: 10 })}
                  </span>
                </>
              ),
            },
            ...(d.escalatedAt
              ? [
                  {
                    term: t("assignment.escalated"),
                    details: <DateText value={d.escalatedAt} mode="datetime" className="text-red-700" />,
                  },
                ]
              : []),
          ]}
        />
        {d.can.review ? (
          <Form method="post">
            <CsrfInput token={csrf} />
            <input type="hidden" name="intent" value="review" />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("assignment.startReview")}
            </Button>
          </Form>
        ) : null}
        {d.can.assign ? (
          <ReassignForm dispute={d} people={people} departments={departments} answer={answer} />
        ) : null}
      </div>
    </Card>
  );
}

function ReassignForm({ dispute: d, people, departments, answer }: AssignmentProps) {
  const { t } = useTranslation("dispute");
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const [form, fields] = useIntentForm(
    DisputePageFormSchema,
    "dispute-reassign",
    replyFor(answer, "reassign"),
    {
      ownerId: d.owner?.id ?? "",
      departmentId: d.department?.id ?? "",
    },
    disputeIssueWords(t),
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-line pt-4">
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="reassign" />
      <h3 className="text-sm font-semibold text-ink">{t("assignment.reassign")}</h3>
      <FormOutcome errors={form.errors} id={form.errorId} />
      <SelectField
        label={t("assignment.owner")}
        field={fields.ownerId}
        placeholder={t("assignment.ownerPlaceholder")}
        options={people.map((p) => ({ value: p.id, label: p.name }))}
      />
      <SelectField
        label={t("assignment.department")}
        field={fields.departmentId}
        placeholder={t("assignment.departmentPlaceholder")}
        options={departments.map((dep) => ({ value: dep.id, label: dep.name }))}
      />
      <TextareaField
        label={
          <Trans
            t={t}
            i18nKey="assignment.note"
            components={[<span key="hint" className="font-normal text-ink-muted" />]}
          />
        }
        field={fields.note}
        rows={2}
        maxLength={2000}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("assignment.reassign")}
      </Button>
    </Form>
  );
}
