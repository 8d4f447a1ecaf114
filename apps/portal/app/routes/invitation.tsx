import { acceptPortalInvitation } from "@settle/domain/portal-access/accept-portal-invitation";
import { getPortalInvitation } from "@settle/domain/portal-access/get-portal-invitation";
import { InvitationFormSchema } from "@settle/domain/portal-access/portal-access-forms";
import { requestNewInvitation } from "@settle/domain/portal-access/request-new-invitation";
import { submitForm } from "@settle/web/forms.server";
import { requestId } from "@settle/web/request.server";
import { data, isRouteErrorResponse, useRouteError } from "react-router";
import { AuthLayout } from "~/components/auth-layout";
import { PageError } from "~/components/route-error";
import { Accept } from "~/components/users/invitation-accept";
import { InvitationLinkProblem } from "~/components/users/invitation-link-problem";
import { verifyCsrf } from "~/csrf.server";
import { env } from "~/env.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { refusalWordsFor, wordsFor } from "~/lib/form-words.server";
import { accountPath, clientAddressOf, getPortalSession } from "~/session.server";
import { startPortalSession } from "~/sign-in.server";
import type { Route } from "./+types/invitation";

export const meta: Route.MetaFunction = ({ matches }) =>
  pageMeta(matches, (t) => t("users:invitation.metaTitle"));

/**
 * The e-mailed invitation link. Opening it only shows the invitation (mail scanners that follow
 * links cannot use it up); accepting is a form post, which creates the portal user if needed, adds
 * the account and signs the invitee in. The link is proof of the mailbox, exactly like an e-mailed
 * sign-in code, so no second code is asked for. A link that no longer works gets a page saying
 * why, with a button that asks the account's administrators for a new invitation.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const [invitation, session] = await Promise.all([
    getPortalInvitation({ token: params.token }),
    getPortalSession(request),
  ]);
  const status = invitation.status === "UNKNOWN" ? 404 : invitation.status === "PENDING" ? 200 : 410;
  return data({ invitation, signedInAs: session?.user.email ?? null }, { status });
}

/** Why a link stopped working, in the words of its state (users:invitation.states). */
const STATES = new Set(["expired", "revoked", "used", "user-deactivated"]);

export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const ip = clientAddressOf(request, context);
  const { t } = await wordsFor(request);
  const errors = refusalWordsFor(t, "users:invitation.errors");
  return submitForm(
    formData,
    InvitationFormSchema,
    async ({ intent }) => {
      if (intent === "request-new") {
        const { notified } = await requestNewInvitation(
          { token: params.token },
          { ip },
          { portalUrl: env.portalUrl, requestId: requestId(request) },
        );
        return { notified };
      }
      const accepted = await acceptPortalInvitation(
        { token: params.token },
        { requestId: requestId(request) },
      );
      const user = { userId: accepted.userId, customerIds: accepted.customerIds };
      return startPortalSession(request, ip, user, new Headers(), accountPath(accepted.customerId));
    },
    {
      words: (refusal) =>
        refusal.reason && STATES.has(refusal.reason)
          ? t(`users:invitation.states.${refusal.reason}.body`)
          : errors(refusal),
      // Accepted: signed in and on the account's page.
      done: (result) => result,
    },
  );
}

const PROBLEM_OF = { EXPIRED: "expired", REVOKED: "revoked", ACCEPTED: "used" } as const;

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("users");
  const { invitation, signedInAs } = loaderData;
  if (invitation.status === "UNKNOWN")
    return <InvitationLinkProblem problem="unknown" invitation={null} answer={undefined} />;
  // The invitation may have stopped working between opening the page and pressing the button:
  // the page is read again after the post and says so.
  if (invitation.status !== "PENDING") {
    // An accept refused for the same reason is said by the page itself; "ask for a new one" answers here.
    const answer =
      actionData && (actionData.done || actionData.reply.initialValue?.intent === "request-new")
        ? actionData
        : undefined;
    return (
      <InvitationLinkProblem
        problem={PROBLEM_OF[invitation.status]}
        invitation={invitation}
        answer={answer}
      />
    );
  }
  return (
    <AuthLayout
      title={t("invitation.title")}
      intro={t(invitation.invitedBy.kind === "staff" ? "invitation.introStaff" : "invitation.intro", {
        inviter: invitation.invitedBy.name,
        supplier: invitation.supplier,
      })}
    >
      <Accept
        invitation={invitation}
        signedInAs={signedInAs}
        refusal={actionData?.reply.error?.[""]?.join(" ") ?? null}
      />
    </AuthLayout>
  );
}

/** A link that is not an invitation's (e.g. a post for an unknown one) explains itself like the page. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404)
    return <InvitationLinkProblem problem="unknown" invitation={null} answer={undefined} />;
  return <PageError />;
}
