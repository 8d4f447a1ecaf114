import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type {
  InvitationRow,
  PortalAccess,
  PortalUserRow,
} from "@settle/domain/portal-access/list-portal-users";
import { PORTAL_ROLES, StaffPortalAccessFormSchema } from "@settle/domain/portal-access/portal-access-forms";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { SelectField, TextField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { PORTAL_ROLE_LABELS } from "../../labels.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";

/** The languages an invitation e-mail can be written in (the portal's). */
const LANGUAGES = [
  { value: "", label: "The person's own language, else English" },
  { value: "en", label: "English" },
  { value: "es", label: "Español" },
  { value: "pt-BR", label: "Português (Brasil)" },
  { value: "ar", label: "العربية" },
] as const;

const ROLE_OPTIONS = PORTAL_ROLES.map((role) => ({
  value: role,
  label: `${PORTAL_ROLE_LABELS[role].label}: ${PORTAL_ROLE_LABELS[role].does}`,
}));

export interface PortalAccessPanelProps {
  /** Dates arrive as Date objects (React Router serializes them). */
  access: PortalAccess;
  /** The last portal-access form's reply (field and form errors), and what it did. */
  lastResult?: SubmissionResult<string[]>;
  done?: { message: string } | null;
  className?: string;
}

/** The intent a reply answers (the forms send it as a field). */
const intentOf = (reply: SubmissionResult<string[]> | undefined) =>
  reply?.initialValue && typeof reply.initialValue.intent === "string" ? reply.initialValue.intent : null;

/**
 * "Portal access" on the customer account page: who at the customer can use the portal, open
 * invitations, and (for staff whose role allows it) inviting, withdrawing and removing. Every
 * change is a domain use case that checks the role again and writes an audit event.
 */
export function PortalAccessPanel({ access, lastResult, done, className }: PortalAccessPanelProps) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const idle = navigation.state === "idle";
  const refused = idle ? lastResult?.error?.[""] : undefined;
  return (
    <Card
      title="Portal access"
      id="portal-access"
      flush
      className={className}
      actions={
        <span className="text-xs text-ink-faint">
          {access.users.length} {access.users.length === 1 ? "user" : "users"} ·{" "}
          {access.adminCount === 0 ? "no administrator" : `${access.adminCount} admin`}
        </span>
      }
    >
      {idle && (done || refused?.length) ? (
        <div className="border-b border-line px-5 py-3">
          <Alert tone={done ? "success" : "danger"}>{done ? done.message : refused?.join(" ")}</Alert>
        </div>
      ) : null}
      <div className="grid lg:grid-cols-3">
        <div className="divide-y divide-line lg:col-span-2 lg:border-e lg:border-line">
          <UsersTable access={access} busy={busy} />
          <InvitationsTable access={access} busy={busy} />
        </div>
        <div className="px-5 py-4 max-lg:border-t max-lg:border-line">
          {access.can.manage ? (
            <InviteForm
              busy={busy}
              lastResult={intentOf(lastResult) === "portal-invite" ? lastResult : undefined}
            />
          ) : (
            <p className="text-sm text-ink-muted">
              Collectors, AR managers and administrators can invite and remove portal users.
            </p>
          )}
        </div>
      </div>
    </Card>
  );
}

function UsersTable({ access, busy }: { access: PortalAccess; busy: boolean }) {
  const csrf = useCsrfToken();
  const columns: Column<PortalUserRow>[] = [
    {
      id: "person",
      header: "Portal user",
      rowHeader: true,
      cell: (u) => (
        <span className="block">
          <span className="flex items-center gap-2 font-medium text-ink">
            {u.name}
            {u.active ? null : <Badge tone="warning">Switched off</Badge>}
          </span>
          <a href={`mailto:${u.email}`} className="text-xs break-all text-brand-700 hover:underline">
            {u.email}
          </a>
        </span>
      ),
    },
    {
      id: "role",
      header: "Role",
      cell: (u) => (
        <Badge tone={u.role === "ADMIN" ? "brand" : "neutral"}>{PORTAL_ROLE_LABELS[u.role].label}</Badge>
      ),
    },
    {
      id: "lastSignIn",
      header: "Last sign-in",
      cell: (u) =>
        u.lastSignInAt ? (
          <DateText value={u.lastSignInAt} mode="datetime" className="text-xs whitespace-nowrap" />
        ) : (
          <span className="text-xs text-ink-faint">Never</span>
        ),
    },
    {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (u) =>
        access.can.manage ? (
          <details className="relative inline-block text-start">
            <summary className="inline-flex cursor-pointer list-none rounded-lg px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-600 [&::-webkit-details-marker]:hidden">
              Remove<span className="sr-only"> {u.name}</span>
            </summary>
            <div className="absolute end-0 z-10 mt-2 w-72 rounded-lg border border-line bg-surface p-4 text-sm shadow-lg">
              <p className="text-ink">
                Remove {u.name}'s portal access to this account? Their access to other accounts stays.
                {u.role === "ADMIN" && access.adminCount <= 1
                  ? " They are the only administrator: invite a new one so the customer can manage its users."
                  : ""}
              </p>
              <Form method="post" className="mt-3 flex justify-end">
                <CsrfInput token={csrf} />
                <input type="hidden" name="portalUserId" value={u.portalUserId} />
                <Button
                  type="submit"
                  name="intent"
                  value="portal-remove"
                  variant="danger"
                  size="sm"
                  disabled={busy}
                >
                  Remove access
                </Button>
              </Form>
            </div>
          </details>
        ) : null,
    },
  ];
  return (
    <DataTable
      caption="Portal users of this account"
      columns={columns}
      rows={access.users}
      rowKey={(u) => u.portalUserId}
      empty={
        <EmptyState
          icon="users"
          title="Nobody uses the portal yet"
          description="Invite the customer's accounts payable contact to see and pay invoices online."
        />
      }
    />
  );
}

function InvitationsTable({ access, busy }: { access: PortalAccess; busy: boolean }) {
  const csrf = useCsrfToken();
  if (access.invitations.length === 0) return null;
  const columns: Column<InvitationRow>[] = [
    {
      id: "person",
      header: "Invitation",
      rowHeader: true,
      cell: (i) => (
        <span className="block">
          <span className="block font-medium text-ink">{i.name}</span>
          <span className="block text-xs break-all text-ink-muted">{i.email}</span>
        </span>
      ),
    },
    { id: "role", header: "Role", cell: (i) => PORTAL_ROLE_LABELS[i.role].label },
    {
      id: "status",
      header: "Status",
      cell: (i) => (
        <span className="block text-xs text-ink-muted">
          <Badge tone={i.status === "PENDING" ? "info" : "warning"}>
            {i.status === "PENDING" ? "Pending" : "Expired"}
          </Badge>
          <span className="mt-1 block whitespace-nowrap">
            {i.status === "PENDING" ? "Expires " : "Expired "}
            <DateText value={i.expiresAt} /> · by {i.invitedBy}
          </span>
        </span>
      ),
    },
    {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (i) =>
        access.can.manage ? (
          <Form method="post">
            <CsrfInput token={csrf} />
            <input type="hidden" name="invitationId" value={i.id} />
            <Button
              type="submit"
              name="intent"
              value="portal-revoke"
              variant="ghost"
              size="sm"
              disabled={busy}
            >
              Withdraw<span className="sr-only"> the invitation to {i.email}</span>
            </Button>
          </Form>
        ) : null,
    },
  ];
  return (
    <DataTable
      caption="Portal invitations not yet accepted"
      showCaption
      columns={columns}
      rows={access.invitations}
      rowKey={(i) => i.id}
    />
  );
}

/** The invitation form, validated in the browser with the schema the server uses. */
function InviteForm({ busy, lastResult }: { busy: boolean; lastResult?: SubmissionResult<string[]> }) {
  const csrf = useCsrfToken();
  const [form, fields] = useForm({
    id: "portal-invite",
    lastResult,
    defaultValue: { role: "VIEWER", locale: "" },
    constraint: getZodConstraint(StaffPortalAccessFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StaffPortalAccessFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4" aria-labelledby={`${form.id}-title`}>
      <h3 id={`${form.id}-title`} className="text-sm font-semibold text-ink">
        Invite a portal user
      </h3>
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="portal-invite" />
      <TextField label="Name" field={fields.name} autoComplete="off" />
      <TextField label="E-mail" field={fields.email} type="email" autoComplete="off" spellCheck={false} />
      <SelectField label="Role" field={fields.role} options={ROLE_OPTIONS} />
      <SelectField label="Language of the e-mail" field={fields.locale} options={LANGUAGES} />
      <p className="text-xs text-ink-faint">
        The link in the e-mail works once and expires after 7 days. The customer's portal administrators can
        manage their users themselves.
      </p>
      <Button type="submit" className="w-full" disabled={busy}>
        Send invitation
      </Button>
    </Form>
  );
}
