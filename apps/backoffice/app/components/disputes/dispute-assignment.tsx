import { getFormProps } from "@conform-to/react";
import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { SelectField, TextareaField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { overdueText } from "../../dispute-labels.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
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
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  return (
    <Card title="Owner and deadline">
      <div className="space-y-4">
        <FormOutcome
          done={doneFor(answer, "reassign", "review")}
          errors={replyFor(answer, "review")?.error?.[""] ?? undefined}
        />
        <DescriptionList
          columns={1}
          items={[
            { term: "Owner", details: d.owner?.name ?? <span className="text-ink-faint">Unassigned</span> },
            {
              term: "Department",
              details: d.department?.name ?? <span className="text-ink-faint">None</span>,
            },
            {
              term: "Deadline",
              details: (
                <>
                  <DateText
                    value={d.deadline}
                    className={d.overdue ? "font-medium text-red-700" : undefined}
                  />
                  {d.overdue ? (
                    <span className="block text-xs text-red-700">{overdueText(d.overdueBusinessDays)}</span>
                  ) : null}
                  <span className="block text-xs text-ink-muted">
                    {d.rule
                      ? `${d.rule.deadlineDays} business days by the matrix`
                      : "No matrix rule matched: 10 business days"}
                  </span>
                </>
              ),
            },
            ...(d.escalatedAt
              ? [
                  {
                    term: "Escalated",
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
              Start review
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
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-line pt-4">
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="reassign" />
      <h3 className="text-sm font-semibold text-ink">Reassign</h3>
      <FormOutcome errors={form.errors} id={form.errorId} />
      <SelectField
        label="Owner"
        field={fields.ownerId}
        placeholder="Nobody (department only)"
        options={people.map((p) => ({ value: p.id, label: p.name }))}
      />
      <SelectField
        label="Department"
        field={fields.departmentId}
        placeholder="None (owner only)"
        options={departments.map((dep) => ({ value: dep.id, label: dep.name }))}
      />
      <TextareaField
        label={
          <>
            Note <span className="font-normal text-ink-muted">(internal, optional)</span>
          </>
        }
        field={fields.note}
        rows={2}
        maxLength={2000}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        Reassign
      </Button>
    </Form>
  );
}
