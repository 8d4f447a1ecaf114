import type { InvitationRow } from "@settle/domain/portal-access/list-portal-users";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import type { Access } from "./users-outcome";

/** Invitations not yet accepted: send an expired one again, or withdraw one. */
export function InvitationsCard({ access }: { access: Access }) {
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
