import type { PortalUserRow } from "@settle/domain/portal-access/list-portal-users";
import { PORTAL_ROLES } from "@settle/domain/portal-access/portal-access-forms";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { useId } from "react";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import type { Access } from "./users-outcome";

/** The account's portal users with their roles, each with a role form and a remove button. */
export function UsersCard({ access }: { access: Access }) {
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

/** One user's role, changed with a select and a button (no JavaScript needed). */
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
