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
import { Form, useNavigation } from "react-router";
import { DISPUTE_ROOT_CAUSE } from "../../dispute-labels.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

type Decision = NonNullable<StaffDisputeView["decision"]>;

const OUTCOME: Record<Decision["outcome"], string> = {
  VALID: "Valid: credit the disputed amount",
  PARTIAL: "Partly valid: credit an agreed amount",
  INVALID: "Invalid: the invoice stands",
};

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
  const pending = d.status === "PENDING_APPROVAL";
  const own = decision.decidedBy?.id === me;
  return (
    <Card title={pending ? "Proposed resolution" : "Resolution"}>
      <div className="space-y-4">
        <FormOutcome done={doneFor(answer, "resolve", "approve", "reject")} />
        <DescriptionList
          columns={2}
          items={[
            { term: "Outcome", details: OUTCOME[decision.outcome] },
            {
              term: "Credit",
              details:
                decision.creditAmount !== null ? (
                  <MoneyText amount={decision.creditAmount} currency={d.currency} className="font-medium" />
                ) : (
                  "None"
                ),
            },
            {
              term: "Root cause",
              details: decision.rootCause ? DISPUTE_ROOT_CAUSE[decision.rootCause] : "—",
            },
            { term: "Decided by", details: <Who name={decision.decidedBy?.name} at={decision.decidedAt} /> },
            ...(decision.approvedBy
              ? [
                  {
                    term: "Approved by",
                    details: <Who name={decision.approvedBy.name} at={decision.approvedAt} />,
                  },
                ]
              : []),
            ...(d.creditMemo
              ? [
                  {
                    term: "Credit memo",
                    details: (
                      <>
                        <span className="font-mono">{d.creditMemo.number}</span>
                        <span className="block text-xs text-ink-muted">
                          <MoneyText amount={d.creditMemo.applied} currency={d.currency} /> applied to the
                          invoice
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
            <h3 className="text-sm font-medium text-ink">Explanation to the customer</h3>
            <p className="mt-1 text-sm whitespace-pre-wrap">{decision.explanation}</p>
          </div>
        ) : null}
        {!pending ? null : !d.can.approve ? (
          <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-ink-muted">
            Waiting for an AR manager other than {decision.decidedBy?.name ?? "the analyst"} to approve or
            send it back.
          </p>
        ) : own ? (
          <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-ink-muted">
            You proposed this resolution, so another AR manager approves or sends it back.
          </p>
        ) : (
          <ApprovalForm answer={answer} />
        )}
      </div>
    </Card>
  );
}

function ApprovalForm({ answer }: { answer?: IntentAnswer }) {
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const [form, fields] = useIntentForm(
    DisputePageFormSchema,
    "dispute-approval",
    replyFor(answer, "approve", "reject"),
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-line pt-4">
      <CsrfInput token={csrf} />
      <FormOutcome errors={form.errors} id={form.errorId} />
      <TextareaField
        label={
          <>
            Note <span className="font-normal text-ink-muted">(needed to send it back)</span>
          </>
        }
        field={fields.note}
        rows={2}
        maxLength={2000}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="approve" variant="primary" disabled={busy}>
          Approve and issue the credit
        </Button>
        <Button type="submit" name="intent" value="reject" variant="secondary" disabled={busy}>
          Send back for review
        </Button>
      </div>
    </Form>
  );
}
