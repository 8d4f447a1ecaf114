import type { PortalInvitationView } from "@settle/domain/portal-access/get-portal-invitation";
import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken, useLocale } from "~/lib/root-data";

/** A pending invitation: the account, role and address it is for, and the button that accepts it. */
export function Accept({
  invitation,
  signedInAs,
  refusal,
}: {
  invitation: PortalInvitationView;
  signedInAs: string | null;
  /** Why accepting did not work, in the visitor's words. */
  refusal: string | null;
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
      {refusal ? <Alert tone="danger">{refusal}</Alert> : null}
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
