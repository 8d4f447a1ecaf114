import { acceptPortalInvitation } from "@settle/domain/portal-access/accept-portal-invitation";
import { getPortalInvitation } from "@settle/domain/portal-access/get-portal-invitation";
import { requestNewInvitation } from "@settle/domain/portal-access/request-new-invitation";
import { Alert } from "@settle/ui/alert";
import { Button, LinkButton } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { field, requestId } from "@settle/web/request.server";
import { Trans } from "react-i18next";
import { data, Form, useNavigation } from "react-router";
import { AuthLayout } from "~/components/auth-layout";
import { verifyCsrf } from "~/csrf.server";
import { env } from "~/env.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { actOrRefuse } from "~/lib/access-refusals.server";
import { useCsrfToken, useLocale } from "~/lib/root-data";
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

export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const intent = field(formData, "intent");
  const ip = clientAddressOf(request, context);
  if (intent === "accept") {
    return actOrRefuse(
      () => acceptPortalInvitation({ token: params.token }, { requestId: requestId(request) }),
      (accepted) =>
        startPortalSession(
          request,
          ip,
          { userId: accepted.userId, customerIds: accepted.customerIds },
          new Headers(),
          accountPath(accepted.customerId),
        ),
      { notFound: "reason" },
    );
  }
  if (intent === "request-new") {
    return actOrRefuse(
      () =>
        requestNewInvitation(
          { token: params.token },
          { ip },
          { portalUrl: env.portalUrl, requestId: requestId(request) },
        ),
      (result) => ({ ok: true as const, notified: result.notified }),
      { notFound: "reason" },
    );
  }
  throw data({ messageKey: "errors:400.body" }, { status: 400 });
}

/** Why the link does not work (keys under users:invitation.states). */
type Problem = "expired" | "revoked" | "used" | "unknown" | "user-deactivated";
const PROBLEMS: readonly string[] = ["expired", "revoked", "used", "unknown", "user-deactivated"];
const PROBLEM_OF = { EXPIRED: "expired", REVOKED: "revoked", ACCEPTED: "used", UNKNOWN: "unknown" } as const;

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("users");
  const { invitation, signedInAs } = loaderData;
  const refusal = actionData && actionData.ok === false ? actionData : null;
  // The invitation may have stopped working between opening the page and pressing the button.
  const problem: Problem | null =
    refusal && PROBLEMS.includes(refusal.reason)
      ? (refusal.reason as Problem)
      : invitation.status === "PENDING"
        ? null
        : PROBLEM_OF[invitation.status];

  if (problem || invitation.status === "UNKNOWN") {
    const shown = problem ?? "unknown";
    return (
      <AuthLayout title={t(`invitation.states.${shown}.title`)} intro={t(`invitation.states.${shown}.body`)}>
        <LinkProblem problem={shown} invitation={invitation} actionData={actionData} />
      </AuthLayout>
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
      <Accept invitation={invitation} signedInAs={signedInAs} refusal={refusal} />
    </AuthLayout>
  );
}

function Accept({
  invitation,
  signedInAs,
  refusal,
}: {
  invitation: Route.ComponentProps["loaderData"]["invitation"];
  signedInAs: string | null;
  refusal: { reason: string } | null;
}) {
  const { t } = useTranslation("users");
  const csrf = useCsrfToken();
  const locale = useLocale();
  const navigation = useNavigation();
  const accepting = navigation.state !== "idle" && navigation.formData?.get("intent") === "accept";
  if (invitation.status === "UNKNOWN") return null;
  const pending = invitation;
  return (
    <div className="space-y-5">
      {refusal ? (
        <Alert tone="danger">
          {t(`invitation.errors.${refusal.reason}`, { defaultValue: t("invitation.errors.failed") })}
        </Alert>
      ) : null}
      <DescriptionList
        items={[
          {
            term: t("invitation.account"),
            details: (
              <Trans
                t={t}
                i18nKey="invitation.accountValue"
                values={{ name: pending.account.name, number: pending.account.accountNumber }}
                components={{ bdi: <bdi /> }}
              />
            ),
          },
          {
            term: t("invitation.role"),
            details: (
              <span className="block">
                <span className="font-medium">{t(`common:roles.${pending.role}`)}</span>
                <span className="block text-xs text-ink-muted">{t(`roles.${pending.role}`)}</span>
              </span>
            ),
          },
          { term: t("invitation.email"), details: <bdi className="break-all">{pending.email}</bdi> },
        ]}
      />
      <p className="text-sm text-ink-muted">
        <Trans
          t={t}
          i18nKey="invitation.expires"
          components={{ date: <DateText value={pending.expiresAt} mode="datetime" locale={locale} /> }}
        />
      </p>
      {signedInAs && signedInAs.toLowerCase() !== pending.email.toLowerCase() ? (
        <Alert tone="warning">
          {t("invitation.otherUser", { email: signedInAs, invitee: pending.email })}
        </Alert>
      ) : null}
      <Form method="post">
        <CsrfInput token={csrf} />
        <Button type="submit" name="intent" value="accept" className="w-full" disabled={accepting}>
          {accepting ? t("invitation.accepting") : t("invitation.accept")}
        </Button>
      </Form>
    </div>
  );
}

function LinkProblem({
  problem,
  invitation,
  actionData,
}: {
  problem: Problem;
  invitation: Route.ComponentProps["loaderData"]["invitation"];
  actionData: Route.ComponentProps["actionData"];
}) {
  const { t } = useTranslation("users");
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const requesting = navigation.state !== "idle" && navigation.formData?.get("intent") === "request-new";
  const requested = actionData && actionData.ok === true ? actionData : null;
  const refusal =
    actionData && actionData.ok === false && !PROBLEMS.includes(actionData.reason) ? actionData : null;
  // Nobody can be asked about an unknown link, and a switched-off user needs the supplier instead.
  const canRequest = problem === "expired" || problem === "revoked" || problem === "used";
  return (
    <div className="space-y-4">
      {invitation.status !== "UNKNOWN" ? (
        <p className="text-sm text-ink-muted">
          {t("invitation.forAccount", {
            account: invitation.account.name,
            role: t(`common:roles.${invitation.role}`),
            email: invitation.email,
          })}
        </p>
      ) : null}
      {requested ? (
        <Alert tone={requested.notified > 0 ? "success" : "warning"}>
          {requested.notified > 0 ? t("invitation.requested") : t("invitation.requestedNobody")}
        </Alert>
      ) : null}
      {refusal ? (
        <Alert tone={refusal.reason === "already-requested" ? "info" : "danger"}>
          {t(`invitation.errors.${refusal.reason}`, { defaultValue: t("invitation.errors.failed") })}
        </Alert>
      ) : null}
      {canRequest && !requested ? (
        <Form method="post">
          <CsrfInput token={csrf} />
          <Button type="submit" name="intent" value="request-new" className="w-full" disabled={requesting}>
            {requesting ? t("invitation.requesting") : t("invitation.requestNew")}
          </Button>
        </Form>
      ) : null}
      <LinkButton to="/login" variant={canRequest && !requested ? "secondary" : "primary"} className="w-full">
        {t("invitation.signIn")}
      </LinkButton>
    </div>
  );
}
