import { randomUUID } from "node:crypto";
import type { StaffActor } from "@settle/domain/actor";
import { addDisputeAttachments } from "@settle/domain/disputes/add-dispute-attachments";
import { addDisputeMessage } from "@settle/domain/disputes/add-dispute-message";
import { getDispute } from "@settle/domain/disputes/get-dispute";
import { listDepartments } from "@settle/domain/disputes/list-departments";
import { listDisputeStaff } from "@settle/domain/disputes/list-dispute-staff";
import { listDisputeThresholds } from "@settle/domain/disputes/list-dispute-thresholds";
import { reassignDispute } from "@settle/domain/disputes/reassign-dispute";
import {
  approveDisputeResolution,
  rejectDisputeResolution,
  resolveDispute,
} from "@settle/domain/disputes/resolve-dispute";
import { type DisputePageForm, DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { startDisputeReview } from "@settle/domain/disputes/start-dispute-review";
import { withdrawDispute } from "@settle/domain/disputes/withdraw-dispute";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { uploadedFiles } from "@settle/web/uploads.server";
import { DisputeAssignment } from "../components/disputes/dispute-assignment.tsx";
import { DisputeContact } from "../components/disputes/dispute-contact.tsx";
import { DisputeDecision } from "../components/disputes/dispute-decision.tsx";
import { DisputeDocuments } from "../components/disputes/dispute-documents.tsx";
import { DisputeHeader } from "../components/disputes/dispute-header.tsx";
import { DisputeHistory } from "../components/disputes/dispute-history.tsx";
import { DisputeInvoiceCard } from "../components/disputes/dispute-invoice-card.tsx";
import { DisputeResolveForm } from "../components/disputes/dispute-resolve-form.tsx";
import { DisputeThread } from "../components/disputes/dispute-thread.tsx";
import { WhatIsDisputed } from "../components/disputes/dispute-what.tsx";
import { DisputeWithdraw } from "../components/disputes/dispute-withdraw.tsx";
import type { IntentAnswer } from "../components/disputes/intent-form.ts";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { refuseTooLarge, UPLOAD_LIMITS } from "../dispute-uploads.server.ts";
import { refusalWords } from "../refusals.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dispute";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.dispute.label} · ${loaderData.dispute.customer.name} · Settle back office`
      : "Dispute · Settle back office",
  },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const dispute = await load(() => getDispute({ disputeId: params.disputeId }, staff.actor));
  const [people, departments, thresholds] = await Promise.all([
    load(() => listDisputeStaff(staff.actor)),
    load(() => listDepartments(staff.actor)),
    load(() => listDisputeThresholds(staff.actor)),
  ]);
  return {
    dispute,
    // New after every successful change (the loader runs again), so the forms start empty; a
    // refused form is not reloaded and keeps what was typed.
    formKey: randomUUID(),
    people: people.map((p) => ({ id: p.id, name: p.name })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    threshold: thresholds.find((t) => t.currency === dispute.currency)?.amount ?? null,
    me: staff.user.id,
    limits: UPLOAD_LIMITS,
  };
}

/** Each form of the page posts its intent; the domain checks roles, state and who may approve. */
export async function action({ request, params }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const tooLarge = refuseTooLarge(request, { intent: "attach" });
  if (tooLarge) return tooLarge;
  const form = await request.formData();
  requireCsrf(request, form);
  return submitForm(
    form,
    DisputePageFormSchema,
    async (input) => ({
      intent: input.intent,
      message: await run(params.disputeId, input, form, staff.actor),
    }),
    { words: refusalWords, done: (done) => done },
  );
}

/** Runs the form's use case; what it did, as the page says it. */
async function run(disputeId: string, input: DisputePageForm, form: FormData, actor: StaffActor) {
  switch (input.intent) {
    case "reply":
    case "note": {
      const visibility = input.intent === "note" ? "INTERNAL" : "CUSTOMER";
      await addDisputeMessage({ disputeId, body: input.body, visibility }, actor);
      return input.intent === "note" ? "Internal note added." : "Reply sent to the customer.";
    }
    case "attach": {
      const files = await uploadedFiles(form, "attachments");
      const added = await addDisputeAttachments({ disputeId, files, visibility: input.visibility }, actor);
      return added.length === 1 ? `Added ${added[0]?.fileName}.` : `Added ${added.length} documents.`;
    }
    case "reassign": {
      const { ownerId = null, departmentId = null, note } = input;
      const result = await reassignDispute({ disputeId, ownerId, departmentId, note }, actor);
      return result.changed ? "Reassigned." : "No change: it already has that owner and department.";
    }
    case "review": {
      const result = await startDisputeReview({ disputeId }, actor);
      return result.changed ? "Under review; the customer was told." : "Already under review.";
    }
    case "resolve": {
      const { intent: _intent, ...decision } = input;
      const result = await resolveDispute({ disputeId, ...decision }, actor);
      if (result.status === "PENDING_APPROVAL") {
        return "Proposed. The credit is above the approval amount: an AR manager other than you approves it.";
      }
      if (result.creditMemo) {
        return `Resolved. Credit memo ${result.creditMemo.number} issued and applied; the customer was told.`;
      }
      return "Resolved as invalid. The invoice is back in collection and the customer has the explanation.";
    }
    case "approve": {
      const result = await approveDisputeResolution({ disputeId, note: input.note }, actor);
      return result.creditMemo
        ? `Approved. Credit memo ${result.creditMemo.number} issued and applied.`
        : "Approved.";
    }
    case "reject":
      await rejectDisputeResolution({ disputeId, note: input.note }, actor);
      return "Sent back for review with your note.";
    case "withdraw":
      await withdrawDispute({ disputeId, note: input.note }, actor);
      return "Withdrawn for the customer. The invoice is collected as usual.";
  }
}

export default function DisputePage({ loaderData, actionData }: Route.ComponentProps) {
  const { dispute: d, formKey } = loaderData;
  const answer = actionData as IntentAnswer | undefined;
  return (
    <>
      <DisputeHeader dispute={d} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <WhatIsDisputed dispute={d} />
          {d.decision ? (
            <DisputeDecision
              key={formKey}
              dispute={d}
              decision={d.decision}
              me={loaderData.me}
              answer={answer}
            />
          ) : null}
          <DisputeThread key={`thread-${formKey}`} dispute={d} answer={answer} />
          <DisputeDocuments
            key={`documents-${formKey}`}
            dispute={d}
            limits={loaderData.limits}
            answer={answer}
          />
          {d.can.resolve ? (
            <DisputeResolveForm
              key={`resolve-${formKey}`}
              dispute={d}
              threshold={loaderData.threshold}
              answer={answer}
            />
          ) : null}
          <DisputeHistory dispute={d} />
        </div>
        <div className="space-y-6">
          <DisputeInvoiceCard dispute={d} />
          <DisputeAssignment
            key={`assignment-${formKey}`}
            dispute={d}
            people={loaderData.people}
            departments={loaderData.departments}
            answer={answer}
          />
          <DisputeContact dispute={d} />
          {d.can.withdraw ? <DisputeWithdraw key={`withdraw-${formKey}`} answer={answer} /> : null}
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
