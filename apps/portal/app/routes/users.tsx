import { changePortalRole } from "@settle/domain/portal-access/change-portal-role";
import { invitePortalUser } from "@settle/domain/portal-access/invite-portal-user";
import { listPortalUsers } from "@settle/domain/portal-access/list-portal-users";
import { PortalUsersFormSchema } from "@settle/domain/portal-access/portal-access-forms";
import { removePortalUser } from "@settle/domain/portal-access/remove-portal-user";
import { revokeInvitation } from "@settle/domain/portal-access/revoke-invitation";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { Trans } from "react-i18next";
import { isRouteErrorResponse, redirect, useRouteError } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { RouteError } from "~/components/route-error";
import { InvitationsCard } from "~/components/users/invitations-card";
import { InviteCard } from "~/components/users/invite-card";
import { UsersCard } from "~/components/users/users-card";
import { usersFieldWords } from "~/components/users/users-form-words";
import { intentOf, type UsersDone, UsersOutcome, UsersRefused } from "~/components/users/users-outcome";
import { verifyCsrf } from "~/csrf.server";
import { env } from "~/env.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { refusalWordsFor, wordsFor } from "~/lib/form-words.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/users";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("users:metaTitle"));

/** The account's users and invitations; a member who is not an administrator gets 403 (the boundary explains). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  return load(() => listPortalUsers({ customerId: params.customerId }, session.actor));
}

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const { actor } = await requirePortalSession(request);
  const { customerId } = params;
  const { locale, t } = await wordsFor(request);
  return submitForm(
    formData,
    PortalUsersFormSchema,
    async (input): Promise<UsersDone | "left"> => {
      switch (input.intent) {
        case "invite":
        case "resend": {
          const { intent, ...invite } = input;
          const sent = await invitePortalUser({ customerId, ...invite }, actor, {
            portalUrl: env.portalUrl,
            inviterLocale: locale,
          });
          const notice = sent.replacedEarlier ? "reinvited" : "invited";
          return { intent, notice, values: { email: sent.email } };
        }
        case "change-role": {
          const { portalUserId } = input;
          const changed = await changePortalRole({ customerId, portalUserId, role: input.role }, actor);
          const notice = changed.changed ? "roleChanged" : "unchanged";
          return { intent: input.intent, notice, values: { portalUserId, role: changed.role } };
        }
        case "remove": {
          const removed = await removePortalUser({ customerId, portalUserId: input.portalUserId }, actor);
          if (removed.removedSelf) return "left";
          return { intent: input.intent, notice: "removed", values: { name: removed.name } };
        }
        case "revoke": {
          const revoked = await revokeInvitation({ customerId, invitationId: input.invitationId }, actor);
          return { intent: input.intent, notice: "revoked", values: { email: revoked.email } };
        }
      }
    },
    {
      words: refusalWordsFor(t, "users:errors"),
      formatError: usersFieldWords(t),
      // Leaving an account: its pages are no longer yours, so go to the account chooser.
      done: (done) => (done === "left" ? redirect("/select-account") : done),
    },
  );
}

export default function Users({ loaderData: access, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("users");
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
        <UsersOutcome answer={actionData} access={access} />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <UsersCard access={access} />
          <InvitationsCard access={access} />
        </div>
        <InviteCard lastResult={intentOf(actionData) === "invite" ? actionData?.reply : undefined} />
      </div>
    </>
  );
}

/** A member who is not an administrator is told why (403); anything else is the usual error. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 403) return <UsersRefused />;
  return <RouteError />;
}
