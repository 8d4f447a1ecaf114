import type { PortalInvitationView } from "@settle/domain/portal-access/get-portal-invitation";
import { Alert } from "@settle/ui/alert";
import { Button, LinkButton } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import type { FormAnswer } from "@settle/web/forms.server";
import { Form, useNavigation } from "react-router";
import { AuthLayout } from "~/components/auth-layout";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";

/** Why the link does not work (keys under users:invitation.states). */
export type LinkProblem = "expired" | "revoked" | "used" | "unknown";

/**
 * A link that no longer works: why, who it was for, and (when someone can be asked) a button that
 * asks the account's administrators for a new invitation.
 */
export function InvitationLinkProblem({
  problem,
  invitation,
  answer,
}: {
  problem: LinkProblem;
  invitation: PortalInvitationView | null;
  answer: FormAnswer<{ notified: number }> | undefined;
}) {
  const { t } = useTranslation("users");
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const requesting = navigation.state !== "idle" && navigation.formData?.get("intent") === "request-new";
  const requested = answer?.done ?? null;
  const refusal = answer?.reply.error?.[""]?.join(" ");
  // Nobody can be asked about an unknown link.
  const canRequest = problem !== "unknown";
  return (
    <AuthLayout
      title={t(`invitation.states.${problem}.title`)}
      intro={t(`invitation.states.${problem}.body`)}
    >
      <div className="space-y-4">
        {invitation && invitation.status !== "UNKNOWN" ? (
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
          <Alert tone={refusal === t("invitation.errors.already-requested") ? "info" : "danger"}>
            {refusal}
          </Alert>
        ) : null}
        {canRequest && !requested ? (
          <Form method="post">
            <CsrfInput token={csrf} />
            <input type="hidden" name="intent" value="request-new" />
            <Button type="submit" className="w-full" disabled={requesting}>
              {requesting ? t("invitation.requesting") : t("invitation.requestNew")}
            </Button>
          </Form>
        ) : null}
        <LinkButton
          to="/login"
          variant={canRequest && !requested ? "secondary" : "primary"}
          className="w-full"
        >
          {t("invitation.signIn")}
        </LinkButton>
      </div>
    </AuthLayout>
  );
}
