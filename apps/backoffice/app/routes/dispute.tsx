import { randomUUID } from "node:crypto";
import type { StaffRole } from "@settle/domain/db/generated/enums";
import { addDisputeAttachments } from "@settle/domain/disputes/add-dispute-attachments";
import { addDisputeMessage } from "@settle/domain/disputes/add-dispute-message";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REQUEST } from "@settle/domain/disputes/attachment-type";
import {
  DISPUTE_MANAGER_ROLES,
  DISPUTE_RAISE_ROLES,
  DISPUTE_ROOT_CAUSES,
  DISPUTE_WORK_ROLES,
  isOpenDisputeStatus,
} from "@settle/domain/disputes/dispute-forms";
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
import { startDisputeReview } from "@settle/domain/disputes/start-dispute-review";
import { withdrawDispute } from "@settle/domain/disputes/withdraw-dispute";
import { formatMoney } from "@settle/domain/money/money";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { field } from "@settle/web/request.server";
import { declaredTooLarge, uploadedFiles } from "@settle/web/uploads.server";
import type { ReactNode } from "react";
import { data, Form, Link, useNavigation } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import {
  CUSTOMER_STATUS,
  DISPUTE_ACTIONS,
  DISPUTE_CHANNEL,
  DISPUTE_REASON,
  DISPUTE_ROOT_CAUSE,
  DISPUTE_SCOPE,
  DISPUTE_STATUS,
  overdueText,
} from "../dispute-labels.ts";
import { attempt, type FormResult, textValues } from "../form-result.server.ts";
import { humanizeAction } from "../labels.ts";
import { requireStaff } from "../session.server.ts";
import { useCsrfToken } from "../use-csrf-token.ts";
import type { Route } from "./+types/dispute";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.dispute.label} · ${loaderData.dispute.customer.name} · Settle back office`
      : "Dispute · Settle back office",
  },
];

const hasRole = (roles: readonly StaffRole[], allowed: readonly StaffRole[]) =>
  roles.some((r) => r === "ADMIN" || allowed.includes(r));

export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const dispute = await load(() => getDispute({ disputeId: params.disputeId }, staff.actor));
  const [people, departments, thresholds] = await Promise.all([
    load(() => listDisputeStaff(staff.actor)),
    load(() => listDepartments(staff.actor)),
    load(() => listDisputeThresholds(staff.actor)),
  ]);
  const roles = staff.user.roles;
  return {
    dispute,
    // New after every successful change (the loader runs again), so the forms start empty; a
    // refused form is not reloaded and keeps what was typed.
    formKey: randomUUID(),
    people: people.map((p) => ({ id: p.id, name: p.name })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    threshold: thresholds.find((t) => t.currency === dispute.currency)?.amount ?? null,
    me: staff.user.id,
    // The upload limits, for the form's hint (the domain enforces them).
    limits: { files: MAX_ATTACHMENTS_PER_REQUEST, megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024 },
    can: {
      message: hasRole(roles, DISPUTE_RAISE_ROLES),
      work: hasRole(roles, DISPUTE_WORK_ROLES),
      approve: hasRole(roles, DISPUTE_MANAGER_ROLES),
    },
  };
}

/** Ten files of 10 MB and the form around them: anything larger is refused before it is read. */
const MAX_FORM_BYTES = MAX_ATTACHMENTS_PER_REQUEST * MAX_ATTACHMENT_BYTES + 1024 * 1024;

/** Each form of the page posts its intent; the domain checks roles, state and who may approve. */
export async function action({ request, params }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  if (declaredTooLarge(request, MAX_FORM_BYTES)) {
    return data<FormResult>(
      {
        ok: false,
        intent: "attach",
        message: `Attach at most ${MAX_ATTACHMENTS_PER_REQUEST} files of ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB each.`,
        field: "files",
        values: {},
      },
      { status: 413 },
    );
  }
  const form = await request.formData();
  requireCsrf(request, form);
  const disputeId = params.disputeId;
  const intent = field(form, "intent") ?? "";
  const values = textValues(form);
  const note = field(form, "note")?.trim() || undefined;
  switch (intent) {
    case "reply":
    case "note":
      return attempt(intent, values, async () => {
        await addDisputeMessage(
          {
            disputeId,
            body: field(form, "body") ?? "",
            visibility: intent === "note" ? "INTERNAL" : "CUSTOMER",
          },
          staff.actor,
        );
        return intent === "note" ? "Internal note added." : "Reply sent to the customer.";
      });
    case "attach":
      return attempt(intent, values, async () => {
        const files = await uploadedFiles(form, "files");
        const added = await addDisputeAttachments(
          {
            disputeId,
            files,
            visibility: field(form, "visibility") === "INTERNAL" ? "INTERNAL" : "CUSTOMER",
          },
          staff.actor,
        );
        return added.length === 1 ? `Added ${added[0]?.fileName}.` : `Added ${added.length} documents.`;
      });
    case "reassign":
      return attempt(intent, values, async () => {
        const result = await reassignDispute(
          {
            disputeId,
            ownerId: field(form, "ownerId") || null,
            departmentId: field(form, "departmentId") || null,
            note,
          },
          staff.actor,
        );
        return result.changed ? "Reassigned." : "No change: it already has that owner and department.";
      });
    case "review":
      return attempt(intent, values, async () => {
        const result = await startDisputeReview({ disputeId }, staff.actor);
        return result.changed ? "Under review; the customer was told." : "Already under review.";
      });
    case "resolve":
      return attempt(intent, values, async () => {
        const outcome = field(form, "outcome") ?? "";
        const result = await resolveDispute(
          {
            disputeId,
            outcome: (["VALID", "PARTIAL", "INVALID"].includes(outcome) ? outcome : "INVALID") as "VALID",
            creditAmount: field(form, "creditAmount")?.trim() || undefined,
            rootCause: (field(form, "rootCause") ?? "") as "OTHER",
            explanation: field(form, "explanation") ?? "",
          },
          staff.actor,
        );
        if (result.status === "PENDING_APPROVAL") {
          return "Proposed. The credit is above the approval amount: an AR manager other than you approves it.";
        }
        if (result.creditMemo) {
          return `Resolved. Credit memo ${result.creditMemo.number} issued and applied; the customer was told.`;
        }
        return "Resolved as invalid. The invoice is back in collection and the customer has the explanation.";
      });
    case "approve":
      return attempt(intent, values, async () => {
        const result = await approveDisputeResolution({ disputeId, note }, staff.actor);
        return result.creditMemo
          ? `Approved. Credit memo ${result.creditMemo.number} issued and applied.`
          : "Approved.";
      });
    case "reject":
      return attempt(intent, values, async () => {
        await rejectDisputeResolution({ disputeId, note }, staff.actor);
        return "Sent back for review with your note.";
      });
    case "withdraw":
      return attempt(intent, values, async () => {
        await withdrawDispute({ disputeId, note }, staff.actor);
        return "Withdrawn for the customer. The invoice is collected as usual.";
      });
    default:
      throw data({ message: "Unknown action." }, { status: 400 });
  }
}

type Page = Route.ComponentProps["loaderData"];
type Dispute = Page["dispute"];

const inputClass =
  "block w-full rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";
const labelClass = "block text-sm font-medium text-ink";

/** The result of the form that posted `intent`, if it was this one. */
function resultFor(actionData: FormResult | undefined, ...intents: string[]) {
  return actionData && intents.includes(actionData.intent) ? actionData : undefined;
}

function FormMessage({ result }: { result: FormResult | undefined }) {
  if (!result) return null;
  return result.ok ? (
    <Alert tone="success">{result.message}</Alert>
  ) : (
    <div role="alert">
      <Alert tone="danger" title="Not saved">
        {result.message}
      </Alert>
    </div>
  );
}

/** What was typed into `name` before a refusal, so the form comes back as it was. */
const typed = (result: FormResult | undefined, name: string, fallback = "") =>
  result && !result.ok ? (result.values[name] ?? fallback) : fallback;

export default function DisputePage({ loaderData, actionData }: Route.ComponentProps) {
  const { dispute: d, can } = loaderData;
  const result = actionData as FormResult | undefined;
  const open = isOpenDisputeStatus(d.status);
  const status = DISPUTE_STATUS[d.status];
  return (
    <>
      <PageHeader
        back={{ to: "/disputes", label: "Disputes" }}
        title={
          <>
            {d.label} · {DISPUTE_REASON[d.reason]}
          </>
        }
        meta={
          <>
            <Badge tone={status.tone}>{status.label}</Badge>
            {d.escalatedAt ? <Badge tone="danger">Escalated</Badge> : null}
          </>
        }
        description={
          <>
            <Link to={`/customers/${d.customer.id}`} className="font-medium text-brand-700 hover:underline">
              {d.customer.name}
            </Link>{" "}
            ({d.customer.accountNumber}) · invoice <span className="font-mono">{d.invoice.number}</span> ·{" "}
            <MoneyText amount={d.amount} currency={d.currency} /> disputed · raised{" "}
            <DateText value={d.createdAt} mode="datetime" />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <WhatIsDisputed dispute={d} />
          {d.decision ? (
            <Decision page={loaderData} result={resultFor(result, "resolve", "approve", "reject")} />
          ) : null}
          <Thread page={loaderData} result={resultFor(result, "reply", "note")} />
          <Documents page={loaderData} result={resultFor(result, "attach")} />
          {!d.decision && open && can.work ? (
            <Decision page={loaderData} result={resultFor(result, "resolve")} />
          ) : null}
          <History dispute={d} />
        </div>
        <div className="space-y-6">
          <InvoiceCard dispute={d} />
          <Assignment page={loaderData} result={resultFor(result, "reassign", "review")} />
          <Contact dispute={d} />
          {open && can.message ? (
            <Withdraw result={resultFor(result, "withdraw")} formKey={loaderData.formKey} />
          ) : null}
        </div>
      </div>
    </>
  );
}

function WhatIsDisputed({ dispute: d }: { dispute: Dispute }) {
  return (
    <Card title="What is disputed">
      <DescriptionList
        columns={2}
        items={[
          { term: "Scope", details: DISPUTE_SCOPE[d.scope] },
          {
            term: "Disputed amount",
            details: <MoneyText amount={d.amount} currency={d.currency} className="font-medium" />,
          },
          { term: "Reason", details: DISPUTE_REASON[d.reason] },
          { term: "Channel", details: DISPUTE_CHANNEL[d.channel] },
        ]}
      />
      <h3 className="mt-5 text-sm font-medium text-ink">The customer's description</h3>
      {/* Plain text as typed: React escapes it; line breaks are kept by CSS, never as HTML. */}
      <p className="mt-1 text-sm whitespace-pre-wrap text-ink">{d.description}</p>
      {d.lines.length > 0 ? (
        <div className="mt-5 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="mb-2 text-start text-sm font-medium text-ink">
              {d.scope === "WHOLE" ? "Lines held by the dispute" : "Disputed lines"}
            </caption>
            <thead>
              <tr className="text-xs text-ink-muted uppercase">
                <th scope="col" className="py-1.5 pe-3 text-start font-semibold">
                  Line
                </th>
                <th scope="col" className="py-1.5 pe-3 text-start font-semibold">
                  Description
                </th>
                <th scope="col" className="py-1.5 pe-3 text-end font-semibold">
                  Line total
                </th>
                <th scope="col" className="py-1.5 text-end font-semibold">
                  Disputed
                </th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l) => (
                <tr key={l.lineNo} className="border-t border-line">
                  <th scope="row" className="py-1.5 pe-3 text-start font-normal">
                    {l.lineNo}
                  </th>
                  <td className="py-1.5 pe-3">{l.description}</td>
                  <td className="py-1.5 pe-3 text-end">
                    <MoneyText amount={l.lineTotal} currency={d.currency} className="text-ink-muted" />
                  </td>
                  <td className="py-1.5 text-end">
                    <MoneyText amount={l.amount} currency={d.currency} className="font-medium" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}

function Decision({ page, result }: { page: Page; result: FormResult | undefined }) {
  const { dispute: d, can, me, threshold } = page;
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const decision = d.decision;
  if (decision) {
    const pending = d.status === "PENDING_APPROVAL";
    const own = decision.decidedBy?.id === me;
    return (
      <Card title={pending ? "Proposed resolution" : "Resolution"}>
        <div className="space-y-4">
          <FormMessage result={result} />
          <DescriptionList
            columns={2}
            items={[
              {
                term: "Outcome",
                details:
                  decision.outcome === "VALID"
                    ? "Valid: credit the disputed amount"
                    : decision.outcome === "PARTIAL"
                      ? "Partly valid: credit an agreed amount"
                      : "Invalid: the invoice stands",
              },
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
              {
                term: "Decided by",
                details: (
                  <>
                    {decision.decidedBy?.name ?? "—"}
                    {decision.decidedAt ? (
                      <span className="block text-xs text-ink-muted">
                        <DateText value={decision.decidedAt} mode="datetime" />
                      </span>
                    ) : null}
                  </>
                ),
              },
              ...(decision.approvedBy
                ? [
                    {
                      term: "Approved by",
                      details: (
                        <>
                          {decision.approvedBy.name}
                          {decision.approvedAt ? (
                            <span className="block text-xs text-ink-muted">
                              <DateText value={decision.approvedAt} mode="datetime" />
                            </span>
                          ) : null}
                        </>
                      ),
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
          {pending ? (
            !can.approve ? (
              <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-ink-muted">
                Waiting for an AR manager other than {decision.decidedBy?.name ?? "the analyst"} to approve or
                send it back.
              </p>
            ) : own ? (
              <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-ink-muted">
                You proposed this resolution, so another AR manager approves or sends it back.
              </p>
            ) : (
              <Form method="post" className="space-y-3 border-t border-line pt-4" key={page.formKey}>
                <CsrfInput token={csrf} />
                <div className="space-y-1.5">
                  <label htmlFor="approval-note" className={labelClass}>
                    Note <span className="font-normal text-ink-muted">(needed to send it back)</span>
                  </label>
                  <textarea
                    id="approval-note"
                    name="note"
                    rows={2}
                    maxLength={2000}
                    defaultValue={typed(result, "note")}
                    className={inputClass}
                  />
                </div>
                <div className="flex flex-wrap gap-2">
                  <Button type="submit" name="intent" value="approve" variant="primary" disabled={busy}>
                    Approve and issue the credit
                  </Button>
                  <Button type="submit" name="intent" value="reject" variant="secondary" disabled={busy}>
                    Send back for review
                  </Button>
                </div>
              </Form>
            )
          ) : null}
        </div>
      </Card>
    );
  }
  const failed = result && !result.ok ? result : undefined;
  const outcome = typed(result, "outcome", "VALID");
  return (
    <Card title="Resolve">
      <Form method="post" className="space-y-4" noValidate key={page.formKey}>
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="resolve" />
        <FormMessage result={result} />
        <fieldset>
          <legend className={labelClass}>Outcome</legend>
          <div className="mt-2 space-y-2 text-sm">
            <label className="flex items-start gap-2">
              <input type="radio" name="outcome" value="VALID" defaultChecked={outcome === "VALID"} />
              <span>
                Valid: credit the whole <MoneyText amount={d.amount} currency={d.currency} />
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="outcome" value="PARTIAL" defaultChecked={outcome === "PARTIAL"} />
              <span>Partly valid: credit an agreed amount</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="outcome" value="INVALID" defaultChecked={outcome === "INVALID"} />
              <span>Invalid: the invoice stands and returns to collection</span>
            </label>
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5">
            <label htmlFor="resolve-credit" className={labelClass}>
              Agreed credit <span className="font-normal text-ink-muted">(partly valid only)</span>
            </label>
            <input
              id="resolve-credit"
              name="creditAmount"
              inputMode="decimal"
              maxLength={30}
              placeholder={`e.g. 125.50 ${d.currency}`}
              defaultValue={typed(result, "creditAmount")}
              aria-invalid={failed?.field === "creditAmount" || undefined}
              aria-describedby={failed?.field === "creditAmount" ? "resolve-error" : undefined}
              className={inputClass}
            />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="resolve-root-cause" className={labelClass}>
              Root cause
            </label>
            <select
              id="resolve-root-cause"
              name="rootCause"
              required
              defaultValue={typed(result, "rootCause")}
              aria-invalid={failed?.field === "rootCause" || undefined}
              className={inputClass}
            >
              <option value="">Choose…</option>
              {DISPUTE_ROOT_CAUSES.map((c) => (
                <option key={c} value={c}>
                  {DISPUTE_ROOT_CAUSE[c]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="resolve-explanation" className={labelClass}>
            Explanation to the customer
          </label>
          <textarea
            id="resolve-explanation"
            name="explanation"
            rows={4}
            required
            maxLength={5000}
            defaultValue={typed(result, "explanation")}
            aria-invalid={failed?.field === "explanation" || undefined}
            aria-describedby="resolve-explanation-hint"
            className={inputClass}
          />
          <p id="resolve-explanation-hint" className="text-xs text-ink-faint">
            E-mailed to {d.notify.email ?? "the customer"} and shown on the portal. Plain text.
          </p>
        </div>
        {failed ? (
          <p id="resolve-error" className="sr-only">
            {failed.message}
          </p>
        ) : null}
        <p className="text-xs text-ink-muted">
          {threshold === null
            ? `Every ${d.currency} credit waits for an AR manager's approval.`
            : `A credit above ${formatMoney(threshold, d.currency, "en-US")} waits for an AR manager's approval.`}
        </p>
        <Button type="submit" variant="primary" disabled={busy}>
          Resolve
        </Button>
      </Form>
    </Card>
  );
}

function Thread({ page, result }: { page: Page; result: FormResult | undefined }) {
  const { dispute: d, can } = page;
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const open = isOpenDisputeStatus(d.status);
  return (
    <Card title="Conversation and notes">
      {d.messages.length === 0 ? (
        <p className="text-sm text-ink-muted">No messages yet.</p>
      ) : (
        <ol className="space-y-3" aria-label="Messages and internal notes, oldest first">
          {d.messages.map((m) => {
            const internal = m.visibility === "INTERNAL";
            return (
              <li
                key={m.id}
                className={
                  internal
                    ? "rounded-lg border border-dashed border-amber-300 bg-amber-50 p-3 text-sm"
                    : m.authorKind === "portal"
                      ? "me-8 rounded-lg border border-line bg-surface p-3 text-sm"
                      : "ms-8 rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm"
                }
              >
                <p className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
                  {internal ? (
                    <Badge tone="warning">Internal note</Badge>
                  ) : (
                    <Badge tone={m.authorKind === "portal" ? "neutral" : "info"}>
                      {m.authorKind === "portal" ? "From the customer" : "To the customer"}
                    </Badge>
                  )}
                  <span className="font-medium text-ink">{m.authorName}</span>
                  <DateText value={m.createdAt} mode="datetime" />
                </p>
                {/* Plain text, escaped by React; line breaks kept by CSS. */}
                <p className="mt-1.5 whitespace-pre-wrap text-ink">{m.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      {open && can.message ? (
        <Form method="post" className="mt-5 space-y-2 border-t border-line pt-4" key={page.formKey}>
          <CsrfInput token={csrf} />
          <FormMessage result={result} />
          <label htmlFor="dispute-message" className={labelClass}>
            Message
          </label>
          <textarea
            id="dispute-message"
            name="body"
            rows={4}
            required
            maxLength={5000}
            defaultValue={typed(result, "body")}
            aria-describedby="dispute-message-hint"
            className={inputClass}
          />
          <p id="dispute-message-hint" className="text-xs text-ink-faint">
            A reply is e-mailed to the customer and shown on the portal; an internal note is seen by staff
            only.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="intent" value="reply" variant="primary" disabled={busy}>
              Reply to the customer
            </Button>
            <Button type="submit" name="intent" value="note" variant="secondary" disabled={busy}>
              Add internal note
            </Button>
          </div>
        </Form>
      ) : null}
    </Card>
  );
}

const sizeFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / 1024 / 1024)} MB`;
}

function Documents({ page, result }: { page: Page; result: FormResult | undefined }) {
  const { dispute: d, can, limits: LIMITS } = page;
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const open = isOpenDisputeStatus(d.status);
  return (
    <Card title={`Documents (${d.attachments.length})`}>
      {d.attachments.length === 0 ? (
        <p className="text-sm text-ink-muted">No documents.</p>
      ) : (
        <ul className="divide-y divide-line text-sm">
          {d.attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <a
                  href={`/disputes/${d.id}/documents/${a.id}`}
                  download
                  className="font-medium text-brand-700 hover:underline"
                >
                  {a.fileName}
                </a>
                <span className="ms-2 text-xs text-ink-muted">
                  {a.contentType} · {fileSize(a.size)} · <DateText value={a.createdAt} mode="datetime" />
                </span>
              </span>
              {a.visibility === "INTERNAL" ? <Badge tone="warning">Internal</Badge> : null}
            </li>
          ))}
        </ul>
      )}
      {open && can.message ? (
        <Form
          method="post"
          encType="multipart/form-data"
          className="mt-4 space-y-3 border-t border-line pt-4"
          key={page.formKey}
        >
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="attach" />
          <FormMessage result={result} />
          <div className="space-y-1.5">
            <label htmlFor="dispute-files" className={labelClass}>
              Add documents
            </label>
            <input
              id="dispute-files"
              type="file"
              name="files"
              multiple
              required
              aria-describedby="dispute-files-hint"
              className="block text-sm"
            />
            <p id="dispute-files-hint" className="text-xs text-ink-faint">
              PDF, images, Office files, e-mails, CSV or text; up to {LIMITS.files} files of{" "}
              {LIMITS.megabytes} MB each.
            </p>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="dispute-files-visibility" className={labelClass}>
              Who sees them
            </label>
            <select
              id="dispute-files-visibility"
              name="visibility"
              defaultValue={typed(result, "visibility", "CUSTOMER")}
              className={inputClass}
            >
              <option value="CUSTOMER">The customer and staff</option>
              <option value="INTERNAL">Staff only</option>
            </select>
          </div>
          <Button type="submit" variant="secondary" disabled={busy}>
            Upload
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function historyDetail(action: string, after: unknown): ReactNode {
  if (!after || typeof after !== "object") return null;
  const a = after as Record<string, unknown>;
  if (action === "dispute.resolve" || action === "dispute.propose") {
    return typeof a.outcome === "string" ? `Outcome ${a.outcome.toLowerCase()}` : null;
  }
  if (action === "dispute.raise" && typeof a.channel === "string") {
    return `Channel ${DISPUTE_CHANNEL[a.channel as keyof typeof DISPUTE_CHANNEL] ?? a.channel}`;
  }
  if (typeof a.note === "string" && a.note) return `“${a.note}”`;
  return null;
}

function History({ dispute: d }: { dispute: Dispute }) {
  return (
    <Card title="History">
      {d.history.length === 0 ? (
        <p className="text-sm text-ink-muted">Nothing recorded yet.</p>
      ) : (
        <ol className="space-y-3">
          {d.history.map((h) => {
            const detail = historyDetail(h.action, h.after);
            return (
              <li
                key={`${h.at.toISOString()}-${h.action}-${h.actorId ?? h.actorType}`}
                className="flex gap-3 text-sm"
              >
                <DateText value={h.at} mode="datetime" className="w-44 shrink-0 text-ink-muted" />
                <span>
                  <span className="font-medium text-ink">
                    {DISPUTE_ACTIONS[h.action] ?? humanizeAction(h.action)}
                  </span>
                  <span className="ms-2 text-xs text-ink-faint">
                    {h.actorName ?? (h.actorType === "system" ? "Settle" : h.actorType)}
                  </span>
                  {detail ? <span className="block text-xs text-ink-muted">{detail}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

function InvoiceCard({ dispute: d }: { dispute: Dispute }) {
  const inv = d.invoice;
  return (
    <Card title="Invoice">
      <DescriptionList
        columns={1}
        items={[
          { term: "Number", details: <span className="font-mono">{inv.number}</span> },
          { term: "Invoice amount", details: <MoneyText amount={inv.amount} currency={inv.currency} /> },
          {
            term: "Open now",
            details: <MoneyText amount={inv.openAmount} currency={inv.currency} className="font-medium" />,
          },
          {
            term: "Disputed",
            details: <MoneyText amount={d.amount} currency={d.currency} />,
          },
          { term: "Due", details: inv.dueDate ? <DateText value={inv.dueDate} /> : "—" },
          {
            term: "Account",
            details: (
              <Link to={`/customers/${d.customer.id}`} className="text-brand-700 hover:underline">
                {d.customer.name} <span className="font-mono text-xs">{d.customer.accountNumber}</span>
              </Link>
            ),
          },
          { term: "Legal entity", details: d.legalEntity.name },
        ]}
      />
    </Card>
  );
}

function Assignment({ page, result }: { page: Page; result: FormResult | undefined }) {
  const { dispute: d, can, people, departments } = page;
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const open = isOpenDisputeStatus(d.status);
  const reassign = result?.intent === "reassign" ? result : undefined;
  return (
    <Card title="Owner and deadline">
      <div className="space-y-4">
        <FormMessage result={result} />
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
        {open && can.work && d.status === "OPEN" ? (
          <Form method="post">
            <CsrfInput token={csrf} />
            <input type="hidden" name="intent" value="review" />
            <Button type="submit" variant="secondary" disabled={busy}>
              Start review
            </Button>
          </Form>
        ) : null}
        {open && can.work ? (
          <Form method="post" className="space-y-3 border-t border-line pt-4" key={page.formKey}>
            <CsrfInput token={csrf} />
            <input type="hidden" name="intent" value="reassign" />
            <h3 className="text-sm font-semibold text-ink">Reassign</h3>
            <div className="space-y-1.5">
              <label htmlFor="reassign-owner" className={labelClass}>
                Owner
              </label>
              <select
                id="reassign-owner"
                name="ownerId"
                defaultValue={typed(reassign, "ownerId", d.owner?.id ?? "")}
                className={inputClass}
              >
                <option value="">Nobody (department only)</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="reassign-department" className={labelClass}>
                Department
              </label>
              <select
                id="reassign-department"
                name="departmentId"
                defaultValue={typed(reassign, "departmentId", d.department?.id ?? "")}
                className={inputClass}
              >
                <option value="">None (owner only)</option>
                {departments.map((dep) => (
                  <option key={dep.id} value={dep.id}>
                    {dep.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="reassign-note" className={labelClass}>
                Note <span className="font-normal text-ink-muted">(internal, optional)</span>
              </label>
              <textarea
                id="reassign-note"
                name="note"
                rows={2}
                maxLength={2000}
                defaultValue={typed(reassign, "note")}
                className={inputClass}
              />
            </div>
            <Button type="submit" variant="secondary" disabled={busy}>
              Reassign
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}

function Contact({ dispute: d }: { dispute: Dispute }) {
  return (
    <Card title="Customer contact">
      <DescriptionList
        columns={1}
        items={[
          {
            term: "Kept informed",
            details: d.notify.email ? (
              <>
                {d.notify.name ? <span className="block">{d.notify.name}</span> : null}
                <a href={`mailto:${d.notify.email}`} className="text-brand-700 hover:underline">
                  {d.notify.email}
                </a>
                <span className="block text-xs text-ink-muted">Writes in {d.notify.locale}</span>
              </>
            ) : (
              <span className="text-ink-faint">Nobody: no e-mail on file</span>
            ),
          },
          {
            term: "Raised by",
            details:
              d.raisedBy.kind === "portal"
                ? `${d.raisedBy.name ?? "A portal user"} on the portal`
                : `${d.raisedBy.name ?? "Staff"} for the customer (${DISPUTE_CHANNEL[d.channel].toLowerCase()})`,
          },
          { term: "The customer sees", details: CUSTOMER_STATUS[d.customerStatus] },
        ]}
      />
    </Card>
  );
}

function Withdraw({ result, formKey }: { result: FormResult | undefined; formKey: string }) {
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  return (
    <Card title="Withdraw for the customer">
      <Form method="post" className="space-y-3" key={formKey}>
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="withdraw" />
        <FormMessage result={result} />
        <p className="text-sm text-ink-muted">
          When the customer says they no longer dispute the invoice. The amount is no longer held.
        </p>
        <div className="space-y-1.5">
          <label htmlFor="withdraw-note" className={labelClass}>
            Note to the customer <span className="font-normal text-ink-muted">(optional)</span>
          </label>
          <textarea
            id="withdraw-note"
            name="note"
            rows={2}
            maxLength={2000}
            defaultValue={typed(result, "note")}
            className={inputClass}
          />
        </div>
        <Button type="submit" variant="danger" disabled={busy}>
          Withdraw
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
