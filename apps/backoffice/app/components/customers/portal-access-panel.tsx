import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { PORTAL_LOCALES } from "@settle/domain/base/portal-locales";
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
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { $ZodIssue } from "zod/v4/core";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";

/** The languages an invitation e-mail can be written in (the portal's), each named in itself. */
const languagesIn = (t: TFunction) => [
  { value: "", label: t("portal.invite.ownLanguage") },
  ...PORTAL_LOCALES.map((locale) => ({ value: locale, label: t(`common:languages.${locale}`) })),
];

const roleOptionsIn = (t: TFunction) =>
  PORTAL_ROLES.map((role) => ({
    value: role,
    label: t("portal.invite.roleOption", {
      label: t(`labels:portalRoles.${role}.label`),
      does: t(`labels:portalRoles.${role}.does`),
    }),
  }));

function issueKey(issues: readonly $ZodIssue[]): string {
  const first = issues[0];
  if (first?.path[0] === "name")
    return issues.some((i) => i.code === "too_big")
      ? "portal.invite.nameTooLong"
      : issues.some((i) => i.code === "invalid_format")
        ? "portal.invite.nameOneLine"
        : "portal.invite.nameMissing";
  if (first?.path[0] === "email") return "portal.invite.emailInvalid";
  if (first?.path[0] === "role") return "portal.invite.roleMissing";
  // The hidden fields (ids, intent) are never typed: the form as a whole is wrong.
  return "refusals:codes.VALIDATION";
}

/**
 * The portal access forms' field errors in the page's language, from the schema's issues: the
 * action and the invitation form word them alike.
 */
export const portalAccessIssueWords = (t: TFunction) => (issues: readonly $ZodIssue[]) => [
  t(`customer-account:${issueKey(issues)}`),
];

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
  const { t } = useTranslation("customer-account");
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const idle = navigation.state === "idle";
  const refused = idle ? lastResult?.error?.[""] : undefined;
  return (
    <Card
      title={t("portal.title")}
      id="portal-access"
      flush
      className={className}
      actions={
        <span className="text-xs text-ink-faint">
          {t("portal.users", { count: access.users.length })} ·{" "}
          {access.adminCount === 0 ? t("portal.noAdmin") : t("portal.admins", { count: access.adminCount })}
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
            <p className="text-sm text-ink-muted">{t("portal.whoManages")}</p>
          )}
        </div>
      </div>
    </Card>
  );
}

function UsersTable({ access, busy }: { access: PortalAccess; busy: boolean }) {
  const { t } = useTranslation("customer-account");
  const csrf = useCsrfToken();
  const columns: Column<PortalUserRow>[] = [
    {
      id: "person",
      header: t("portal.user"),
      rowHeader: true,
      cell: (u) => (
        <span className="block">
          <span className="flex items-center gap-2 font-medium text-ink">
            {u.name}
            {u.active ? null : <Badge tone="warning">{t("portal.switchedOff")}</Badge>}
          </span>
          <a href={`mailto:${u.email}`} className="text-xs break-all text-brand-700 hover:underline">
            {u.email}
          </a>
        </span>
      ),
    },
    {
      id: "role",
      header: t("portal.role"),
      cell: (u) => (
        <Badge tone={u.role === "ADMIN" ? "brand" : "neutral"}>
          {t(`labels:portalRoles.${u.role}.label`)}
        </Badge>
      ),
    },
    {
      id: "lastSignIn",
      header: t("portal.lastSignIn"),
      cell: (u) =>
        u.lastSignInAt ? (
          <DateText value={u.lastSignInAt} mode="datetime" className="text-xs whitespace-nowrap" />
        ) : (
          <span className="text-xs text-ink-faint">{t("portal.never")}</span>
        ),
    },
    {
      id: "actions",
      header: <span className="sr-only">{t("portal.actions")}</span>,
      align: "right",
      cell: (u) =>
        access.can.manage ? (
          <details className="relative inline-block text-start">
            <summary className="inline-flex cursor-pointer list-none rounded-lg px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-600 [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true">{t("portal.remove")}</span>
              <span className="sr-only">{t("portal.removeWho", { name: u.name })}</span>
            </summary>
            <div className="absolute end-0 z-10 mt-2 w-72 rounded-lg border border-line bg-surface p-4 text-sm shadow-lg">
              <p className="text-ink">
                {t("portal.removeConfirm", { name: u.name })}
                {u.role === "ADMIN" && access.adminCount <= 1 ? ` ${t("portal.onlyAdmin")}` : ""}
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
                  {t("portal.removeAccess")}
                </Button>
              </Form>
            </div>
          </details>
        ) : null,
    },
  ];
  return (
    <DataTable
      caption={t("portal.usersCaption")}
      columns={columns}
      rows={access.users}
      rowKey={(u) => u.portalUserId}
      empty={
        <EmptyState
          icon="users"
          title={t("portal.noUsersTitle")}
          description={t("portal.noUsersDescription")}
        />
      }
    />
  );
}

function InvitationsTable({ access, busy }: { access: PortalAccess; busy: boolean }) {
  const { t } = useTranslation("customer-account");
  const csrf = useCsrfToken();
  if (access.invitations.length === 0) return null;
  const columns: Column<InvitationRow>[] = [
    {
      id: "person",
      header: t("portal.invitation"),
      rowHeader: true,
      cell: (i) => (
        <span className="block">
          <span className="block font-medium text-ink">{i.name}</span>
          <span className="block text-xs break-all text-ink-muted">{i.email}</span>
        </span>
      ),
    },
    { id: "role", header: t("portal.role"), cell: (i) => t(`labels:portalRoles.${i.role}.label`) },
    {
      id: "status",
      header: t("portal.status"),
      cell: (i) => (
        <span className="block text-xs text-ink-muted">
          <Badge tone={i.status === "PENDING" ? "info" : "warning"}>
            {t(i.status === "PENDING" ? "portal.pending" : "portal.expired")}
          </Badge>
          <span className="mt-1 block whitespace-nowrap">
            <Trans
              t={t}
              i18nKey={i.status === "PENDING" ? "portal.expires" : "portal.expiredOn"}
              values={{ name: i.invitedBy }}
              components={[<DateText key="date" value={i.expiresAt} />]}
            />
          </span>
        </span>
      ),
    },
    {
      id: "actions",
      header: <span className="sr-only">{t("portal.actions")}</span>,
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
              <span aria-hidden="true">{t("portal.withdraw")}</span>
              <span className="sr-only">{t("portal.withdrawWho", { email: i.email })}</span>
            </Button>
          </Form>
        ) : null,
    },
  ];
  return (
    <DataTable
      caption={t("portal.invitationsCaption")}
      showCaption
      columns={columns}
      rows={access.invitations}
      rowKey={(i) => i.id}
    />
  );
}

/** The invitation form, validated in the browser with the schema the server uses. */
function InviteForm({ busy, lastResult }: { busy: boolean; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("customer-account");
  const csrf = useCsrfToken();
  const languages = useMemo(() => languagesIn(t), [t]);
  const roles = useMemo(() => roleOptionsIn(t), [t]);
  const [form, fields] = useForm({
    id: "portal-invite",
    lastResult,
    defaultValue: { role: "VIEWER", locale: "" },
    constraint: getZodConstraint(StaffPortalAccessFormSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: StaffPortalAccessFormSchema, formatError: portalAccessIssueWords(t) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4" aria-labelledby={`${form.id}-title`}>
      <h3 id={`${form.id}-title`} className="text-sm font-semibold text-ink">
        {t("portal.invite.title")}
      </h3>
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="portal-invite" />
      <TextField label={t("portal.invite.name")} field={fields.name} autoComplete="off" />
      <TextField
        label={t("portal.invite.email")}
        field={fields.email}
        type="email"
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField label={t("portal.invite.role")} field={fields.role} options={roles} />
      <SelectField label={t("portal.invite.language")} field={fields.locale} options={languages} />
      <p className="text-xs text-ink-faint">{t("portal.invite.linkNote")}</p>
      <Button type="submit" className="w-full" disabled={busy}>
        {t("portal.invite.send")}
      </Button>
    </Form>
  );
}
