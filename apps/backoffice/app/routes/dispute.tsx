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
import type { TFunction } from "i18next";
import { DisputeAssignment } from "../components/disputes/dispute-assignment.tsx";
import { DisputeContact } from "../components/disputes/dispute-contact.tsx";
import { DisputeDecision } from "../components/disputes/dispute-decision.tsx";
import { DisputeDocuments } from "../components/disputes/dispute-documents.tsx";
import { DisputeHeader } from "../components/disputes/dispute-header.tsx";
import { DisputeHistory } from "../components/disputes/dispute-history.tsx";
import { DisputeInvoiceCard } from "../components/disputes/dispute-invoice-card.tsx";
import { disputeIssueWords } from "../components/disputes/dispute-issue-words.ts";
import { DisputeResolveForm } from "../components/disputes/dispute-resolve-form.tsx";
import { DisputeThread } from "../components/disputes/dispute-thread.tsx";
import { WhatIsDisputed } from "../components/disputes/dispute-what.tsx";
import { DisputeWithdraw } from "../components/disputes/dispute-withdraw.tsx";
import type { IntentAnswer } from "../components/disputes/intent-form.ts";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { refuseTooLarge, UPLOAD_LIMITS } from "../dispute-uploads.server.ts";
import { getLocale, serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dispute";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) =>
    loaderData ? `${loaderData.dispute.label} · ${loaderData.dispute.customer.name}` : t("dispute:title"),
  );

export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const locale = await getLocale(request);
  const dispute = await load(() => getDispute({ disputeId: params.disputeId }, staff.actor, { locale }));
  const [people, departments, thresholds] = await Promise.all([
    load(() => listDisputeStaff(staff.actor)),
    load(() => listDepartments(staff.actor, { locale })),
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
  const t = await serverT(request, "dispute");
  const tooLarge = refuseTooLarge(request, { intent: "attach" }, refusalWordsIn(t));
  if (tooLarge) return tooLarge;
  const form = await request.formData();
  requireCsrf(request, form);
  const locale = await getLocale(request);
  return submitForm(
    form,
    DisputePageFormSchema,
    async (input) => ({
      intent: input.intent,
      message: await run(params.disputeId, input, form, staff.actor, t, locale),
    }),
    { words: refusalWordsIn(t), formatError: disputeIssueWords(t), done: (done) => done },
  );
}

/** Runs the form's use case; what it did, as the page says it. */
async function run(
  disputeId: string,
  input: DisputePageForm,
  form: FormData,
  actor: StaffActor,
  t: TFunction,
  locale: string,
) {
  switch (input.intent) {
    case "reply":
    case "note": {
      const visibility = input.intent === "note" ? "INTERNAL" : "CUSTOMER";
      await addDisputeMessage({ disputeId, body: input.body, visibility }, actor);
      return t(input.intent === "note" ? "done.note" : "done.reply");
    }
    case "attach": {
      const files = await uploadedFiles(form, "attachments");
      const added = await addDisputeAttachments({ disputeId, files, visibility: input.visibility }, actor);
      return added.length === 1
        ? t("done.attachedFile", { fileName: added[0]?.fileName })
        : t("done.attached", { count: added.length });
    }
    case "reassign": {
      const { ownerId = null, departmentId = null, note } = input;
      const result = await reassignDispute({ disputeId, ownerId, departmentId, note }, actor);
      return t(result.changed ? "done.reassigned" : "done.unchanged");
    }
    case "review": {
      const result = await startDisputeReview({ disputeId }, actor);
      return t(result.changed ? "done.review" : "done.alreadyInReview");
    }
    case "resolve": {
      const { intent: _intent, ...decision } = input;
      const result = await resolveDispute({ disputeId, ...decision }, actor, { locale });
      if (result.status === "PENDING_APPROVAL") return t("done.proposed");
      if (result.creditMemo) return t("done.resolved", { number: result.creditMemo.number });
      return t("done.resolvedInvalid");
    }
    case "approve": {
      const result = await approveDisputeResolution({ disputeId, note: input.note }, actor);
      return result.creditMemo
        ? t("done.approved", { number: result.creditMemo.number })
        : t("done.approvedNoCredit");
    }
    case "reject":
      await rejectDisputeResolution({ disputeId, note: input.note }, actor);
      return t("done.rejected");
    case "withdraw":
      await withdrawDispute({ disputeId, note: input.note }, actor);
      return t("done.withdrawn");
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
