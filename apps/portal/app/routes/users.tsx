import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { PortalRole } from "@settle/domain/actor";
import { changePortalRole } from "@settle/domain/portal-access/change-portal-role";
import { invitePortalUser } from "@settle/domain/portal-access/invite-portal-user";
import {
  type InvitationRow,
  listPortalUsers,
  type PortalUserRow,
} from "@settle/domain/portal-access/list-portal-users";
import {
  ChangePortalRoleSchema,
  InviteColleagueFormSchema,
  PORTAL_ROLES,
} from "@settle/domain/portal-access/portal-access-forms";
import { removePortalUser } from "@settle/domain/portal-access/remove-portal-user";
import { revokeInvitation } from "@settle/domain/portal-access/revoke-invitation";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { TextField } from "@settle/ui/fields";
import { PageHeader } from "@settle/ui/page-header";
import { field } from "@settle/web/request.server";
import type { TFunction } from "i18next";
import { useId } from "react";
import { Trans } from "react-i18next";
import { data, Form, redirect, useNavigation } from "react-router";
import type { $ZodIssue } from "zod/v4/core";
import { AccountNav } from "~/components/account-nav";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { env } from "~/env.server";
import { getLocale } from "~/i18n/i18n.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { actOrRefuse, loadOrRefuse } from "~/lib/access-refusals.server";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/users";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("users:metaTitle"));

/** The invitation form's problems as translation keys, in the browser and on the server alike. */
function inviteErrorKeys(issues: $ZodIssue[]): string[] {
  const name = issues[0]?.path[0];
  if (name === "name")
    return [issues.some((i) => i.code === "too_big") ? "invite.errors.nameTooLong" : "invite.errors.name"];
  if (name === "role") return ["invite.errors.role"];
  return ["invite.errors.email"];
}

const parseInvite = (formData: FormData) =>
  parseWithZod(formData, { schema: InviteColleagueFormSchema, formatError: inviteErrorKeys });

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  return loadOrRefuse(() => listPortalUsers({ customerId: params.customerId }, session.actor));
}

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const session = await requirePortalSession(request);
  const { customerId } = params;
  const intent = field(formData, "intent");

  if (intent === "invite" || intent === "resend") {
    const submission = parseInvite(formData);
    if (submission.status !== "success") return data({ intent, reply: submission.reply() }, { status: 400 });
    const inviterLocale = await getLocale(request);
    return actOrRefuse(
      () =>
        invitePortalUser({ customerId, ...submission.value }, session.actor, {
          portalUrl: env.portalUrl,
          inviterLocale,
        }),
      (sent) => ({
        ok: true as const,
        intent,
        notice: sent.replacedEarlier ? ("reinvited" as const) : ("invited" as const),
        values: { email: sent.email },
        // Only the invitation form starts over; "send again" leaves it as it was.
        reply: intent === "invite" ? submission.reply({ resetForm: true }) : undefined,
      }),
    );
  }
  // The use cases parse their input: a malformed field is a 400, never a 500.
  if (intent === "change-role") {
    const portalUserId = field(formData, "portalUserId") ?? "";
    return actOrRefuse(
      () =>
        changePortalRole(
          ChangePortalRoleSchema.parse({ customerId, portalUserId, role: field(formData, "role") }),
          session.actor,
        ),
      (result) => ({
        ok: true as const,
        intent,
        notice: result.changed ? ("roleChanged" as const) : ("unchanged" as const),
        values: { portalUserId, role: result.role },
      }),
    );
  }
  if (intent === "remove") {
    return actOrRefuse(
      () =>
        removePortalUser({ customerId, portalUserId: field(formData, "portalUserId") ?? "" }, session.actor),
      // Leaving an account: its pages are no longer yours, so go to the account chooser.
      (result) =>
        result.removedSelf
          ? redirect("/select-account")
          : { ok: true as const, intent, notice: "removed" as const, values: { name: result.name } },
    );
  }
  if (intent === "revoke") {
    return actOrRefuse(
      () =>
        revokeInvitation({ customerId, invitationId: field(formData, "invitationId") ?? "" }, session.actor),
      (result) => ({
        ok: true as const,
        intent,
        notice: "revoked" as const,
        values: { email: result.email },
      }),
    );
  }
  throw data({ messageKey: "errors:400.body" }, { status: 400 });
}

type Access = Extract<Route.ComponentProps["loaderData"], { ok: true }>["value"];
type ActionData = Route.ComponentProps["actionData"];

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("users");
  if (!loaderData.ok) return <Refused t={t} />;
  const access = loaderData.value;
  return (
    <>
      <PageHeader
        back={{ to: `/accounts/${access.customer.id}`, label: t("back") }}
        title={t("title")}
        description={
          <Trans
            t={t}
            i18nKey="description"
            values={{ account: access.customer.name, number: access.customer.accountNumber }}
            components={{ bdi: <bdi /> }}
          />
        }
      />
      <AccountNav customerId={access.customer.id} />
      <div aria-live="polite" className="mb-6 empty:hidden">
        <Outcome actionData={actionData} access={access} />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <UsersCard access={access} />
          <InvitationsCard access={access} />
        </div>
        <InviteCard actionData={actionData} />
      </div>
    </>
  );
}

/** A member who is not an administrator: why, and the way back. */
function Refused({ t }: { t: TFunction }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("refused.title")}</h1>
      <p className="mt-3 text-sm leading-6 text-ink-muted">{t("refused.body")}</p>
      <div className="mt-6 flex justify-center">
        <LinkButton to=".." relative="path" variant="primary">
          {t("refused.back")}
        </LinkButton>
      </div>
    </div>
  );
}

/** The result of the last form: what changed, or why it did not. */
function Outcome({ actionData, access }: { actionData: ActionData; access: Access }) {
  const { t } = useTranslation("users");
  const navigation = useNavigation();
  if (!actionData || navigation.state !== "idle" || !("ok" in actionData)) return null;
  if (actionData.ok === false) {
    return (
      <Alert tone="danger">
        {t(`errors.${actionData.reason}`, { ...actionData.values, defaultValue: t("errors.failed") })}
      </Alert>
    );
  }
  const values: Record<string, string> = { ...actionData.values };
  if (actionData.notice === "roleChanged" && "portalUserId" in actionData.values) {
    const user = access.users.find((u) => u.portalUserId === actionData.values.portalUserId);
    values.name = user?.name ?? "";
    values.role = t(`common:roles.${actionData.values.role}`);
  }
  return <Alert tone="success">{t(`notices.${actionData.notice}`, values)}</Alert>;
}

function UsersCard({ access }: { access: Access }) {
  const { t } = useTranslation("users");
  const locale = useLocale();
  const onlyAdmin = (u: PortalUserRow) => u.role === "ADMIN" && access.adminCount <= 1;
  const columns: Column<PortalUserRow>[] = [
    {
      id: "person",
      header: t("list.person"),
      rowHeader: true,
      cell: (u) => (
        <span className="block min-w-0">
          <span className="flex flex-wrap items-center gap-2 font-medium text-ink">
            {u.name}
            {u.isYou ? <Badge tone="brand">{t("list.you")}</Badge> : null}
            {u.active ? null : <Badge tone="warning">{t("list.switchedOff")}</Badge>}
          </span>
          <bdi className="block text-xs break-all text-ink-muted">{u.email}</bdi>
        </span>
      ),
    },
    {
      id: "role",
      header: t("list.role"),
      cell: (u) =>
        onlyAdmin(u) ? (
          <span className="block">
            <Badge tone="brand">{t(`common:roles.${u.role}`)}</Badge>
            <span className="mt-1 block text-xs text-ink-muted">{t("list.onlyAdmin")}</span>
          </span>
        ) : (
          <RoleForm user={u} />
        ),
    },
    {
      id: "lastSignIn",
      header: t("list.lastSignIn"),
      className: "max-sm:hidden",
      cell: (u) =>
        u.lastSignInAt ? (
          <DateText value={u.lastSignInAt} mode="datetime" locale={locale} className="whitespace-nowrap" />
        ) : (
          <span className="text-ink-muted">{t("list.never")}</span>
        ),
    },
    {
      id: "actions",
      header: <span className="sr-only">{t("list.actions")}</span>,
      align: "right",
      cell: (u) => (onlyAdmin(u) ? null : <RemoveForm user={u} />),
    },
  ];
  return (
    <Card title={t("list.title")} id="users" flush>
      <DataTable
        caption={t("list.caption")}
        columns={columns}
        rows={access.users}
        rowKey={(u) => u.portalUserId}
      />
    </Card>
  );
}

const selectClass =
  "block rounded-lg border-0 bg-surface py-1.5 ps-2.5 pe-8 text-sm text-ink shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none";

function RoleForm({ user }: { user: PortalUserRow }) {
  const { t } = useTranslation("users");
  const csrf = useCsrfToken();
  const busy = useNavigation().state !== "idle";
  const id = useId();
  return (
    <Form method="post" className="flex flex-wrap items-center gap-2">
      <CsrfInput token={csrf} />
      <input type="hidden" name="portalUserId" value={user.portalUserId} />
      <label htmlFor={id} className="sr-only">
        {t("list.roleFor", { name: user.name })}
      </label>
      <select id={id} name="role" defaultValue={user.role} className={selectClass}>
        {PORTAL_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`common:roles.${role}`)}
          </option>
        ))}
      </select>
      <Button type="submit" name="intent" value="change-role" variant="secondary" size="sm" disabled={busy}>
        {t("list.changeRole")}
        <span className="sr-only"> ({user.name})</span>
      </Button>
    </Form>
  );
}

/** Removing needs a second, deliberate click; <details> keeps that working without JavaScript. */
function RemoveForm({ user }: { user: PortalUserRow }) {
  const { t } = useTranslation("users");
  const csrf = useCsrfToken();
  const busy = useNavigation().state !== "idle";
  return (
    <details className="group relative inline-block text-start">
      <summary className="inline-flex cursor-pointer list-none items-center rounded-lg px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 [&::-webkit-details-marker]:hidden">
        {user.isYou ? t("list.leave") : t("list.remove")}
        <span className="sr-only"> ({user.name})</span>
      </summary>
      <div className="absolute end-0 z-10 mt-2 w-72 rounded-lg border border-line bg-surface p-4 text-sm shadow-lg">
        <p className="text-ink">
          {user.isYou ? t("list.leaveConfirm") : t("list.removeConfirm", { name: user.name })}
        </p>
        <Form method="post" className="mt-3 flex justify-end">
          <CsrfInput token={csrf} />
          <input type="hidden" name="portalUserId" value={user.portalUserId} />
          <Button type="submit" name="intent" value="remove" variant="danger" size="sm" disabled={busy}>
            {t("list.removeSubmit")}
          </Button>
        </Form>
      </div>
    </details>
  );
}

function InvitationsCard({ access }: { access: Access }) {
  const { t } = useTranslation("users");
  const locale = useLocale();
  const csrf = useCsrfToken();
  const busy = useNavigation().state !== "idle";
  const columns: Column<InvitationRow>[] = [
    {
      id: "person",
      header: t("invitations.person"),
      rowHeader: true,
      cell: (i) => (
        <span className="block min-w-0">
          <span className="block font-medium text-ink">{i.name}</span>
          <bdi className="block text-xs break-all text-ink-muted">{i.email}</bdi>
          <span className="block text-xs text-ink-muted">
            {t(`common:roles.${i.role}`)} · {t("invitations.sentBy", { name: i.invitedBy })}
          </span>
        </span>
      ),
    },
    {
      id: "status",
      header: t("invitations.status"),
      cell: (i) => (
        <span className="block">
          <Badge tone={i.status === "PENDING" ? "info" : "warning"}>
            {i.status === "PENDING" ? t("invitations.pending") : t("invitations.expired")}
          </Badge>
          <span className="mt-1 block text-xs whitespace-nowrap text-ink-muted">
            <Trans
              t={t}
              i18nKey={i.status === "PENDING" ? "invitations.expires" : "invitations.expiredOn"}
              components={{ date: <DateText value={i.expiresAt} locale={locale} /> }}
            />
          </span>
        </span>
      ),
    },
    {
      id: "actions",
      header: <span className="sr-only">{t("list.actions")}</span>,
      align: "right",
      cell: (i) => (
        <span className="inline-flex flex-wrap justify-end gap-1">
          {i.status === "EXPIRED" ? (
            <Form method="post">
              <CsrfInput token={csrf} />
              <input type="hidden" name="name" value={i.name} />
              <input type="hidden" name="email" value={i.email} />
              <input type="hidden" name="role" value={i.role} />
              <Button
                type="submit"
                name="intent"
                value="resend"
                variant="secondary"
                size="sm"
                disabled={busy}
              >
                {t("invitations.resend")}
                <span className="sr-only"> ({i.email})</span>
              </Button>
            </Form>
          ) : null}
          <Form method="post">
            <CsrfInput token={csrf} />
            <input type="hidden" name="invitationId" value={i.id} />
            <Button type="submit" name="intent" value="revoke" variant="ghost" size="sm" disabled={busy}>
              {t("invitations.revoke")}
              <span className="sr-only"> ({i.email})</span>
            </Button>
          </Form>
        </span>
      ),
    },
  ];
  return (
    <Card title={t("invitations.title")} id="invitations" flush>
      <DataTable
        caption={t("invitations.caption")}
        columns={columns}
        rows={access.invitations}
        rowKey={(i) => i.id}
        empty={
          <EmptyState
            icon="mail"
            title={t("invitations.emptyTitle")}
            description={t("invitations.emptyDescription")}
          />
        }
      />
    </Card>
  );
}

function InviteCard({ actionData }: { actionData: ActionData }) {
  const { t } = useTranslation("users");
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const sending = navigation.state !== "idle" && navigation.formData?.get("intent") === "invite";
  const lastResult =
    navigation.state === "idle" && actionData && "reply" in actionData && actionData.intent === "invite"
      ? actionData.reply
      : undefined;
  const [form, fields] = useForm({
    id: "invite",
    lastResult,
    constraint: getZodConstraint(InviteColleagueFormSchema),
    onValidate: ({ formData }) => parseInvite(formData),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const say = (keys: string[] | undefined) => keys?.map((key) => t(key));
  const roleError = say(fields.role.errors);
  return (
    <Card title={t("invite.title")} id="invite">
      <p className="mb-4 text-sm text-ink-muted">{t("invite.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <TextField
          label={t("invite.name")}
          name={fields.name.name}
          autoComplete="off"
          required
          defaultValue={fields.name.initialValue ?? ""}
          errors={say(fields.name.errors)}
        />
        <TextField
          label={t("invite.email")}
          name={fields.email.name}
          type="email"
          dir="ltr"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          required
          placeholder={t("invite.emailPlaceholder")}
          defaultValue={fields.email.initialValue ?? ""}
          errors={say(fields.email.errors)}
        />
        <fieldset aria-describedby={roleError ? `${form.id}-role-error` : undefined}>
          <legend className="text-sm font-medium text-ink">{t("invite.role")}</legend>
          <div className="mt-2 space-y-2">
            {PORTAL_ROLES.map((role) => (
              <RoleChoice
                key={`${form.key}-${role}`}
                role={role}
                name={fields.role.name}
                checked={(fields.role.initialValue ?? "VIEWER") === role}
              />
            ))}
          </div>
          {roleError ? (
            <p id={`${form.id}-role-error`} className="mt-1.5 text-sm text-red-700">
              {roleError.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" name="intent" value="invite" className="w-full" disabled={sending}>
          {sending ? t("invite.submitting") : t("invite.submit")}
        </Button>
      </Form>
    </Card>
  );
}

function RoleChoice({ role, name, checked }: { role: PortalRole; name: string; checked: boolean }) {
  const { t } = useTranslation("users");
  const id = useId();
  return (
    <label
      htmlFor={id}
      className="flex cursor-pointer gap-3 rounded-lg border border-line px-3 py-2.5 has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:ring-2 has-focus-visible:ring-brand-600"
    >
      <input
        id={id}
        type="radio"
        name={name}
        value={role}
        defaultChecked={checked}
        className="mt-0.5 size-4 accent-brand-600"
        aria-describedby={`${id}-description`}
      />
      <span className="min-w-0">
        <span className="block text-sm font-medium text-ink">{t(`common:roles.${role}`)}</span>
        <span id={`${id}-description`} className="block text-xs text-ink-muted">
          {t(`roles.${role}`)}
        </span>
      </span>
    </label>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
