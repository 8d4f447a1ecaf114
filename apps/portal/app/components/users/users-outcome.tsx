import type { PortalAccess } from "@settle/domain/portal-access/list-portal-users";
import { Alert } from "@settle/ui/alert";
import { LinkButton } from "@settle/ui/button";
import type { FormAnswer } from "@settle/web/forms.server";
import { useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";

export type Access = PortalAccess;

/** What a users page form did: which form, the notice's key under users:notices, its values. */
export interface UsersDone {
  intent: "invite" | "resend" | "change-role" | "remove" | "revoke";
  notice: "invited" | "reinvited" | "roleChanged" | "unchanged" | "removed" | "revoked";
  values: Record<string, string>;
}

export type UsersAnswer = FormAnswer<UsersDone>;

/** The intent the last answer belongs to (the one that did something, or the one refused). */
export function intentOf(answer: UsersAnswer | undefined): string | null {
  const intent = answer?.done?.intent ?? answer?.reply.initialValue?.intent;
  return typeof intent === "string" ? intent : null;
}

/**
 * The result of the last form: what changed, or why it did not (the invitation form shows its
 * own field errors; the other forms' are said here).
 */
export function UsersOutcome({ answer, access }: { answer: UsersAnswer | undefined; access: Access }) {
  const { t } = useTranslation("users");
  const navigation = useNavigation();
  if (!answer || navigation.state !== "idle") return null;
  if (!answer.done) {
    const errors = Object.entries(answer.reply.error ?? {})
      .filter(([name]) => name === "" || (name !== "intent" && intentOf(answer) !== "invite"))
      .flatMap(([, messages]) => messages ?? []);
    return errors.length ? <Alert tone="danger">{errors.join(" ")}</Alert> : null;
  }
  const { notice, values } = answer.done;
  const words: Record<string, string> = { ...values };
  if (notice === "roleChanged") {
    words.name = access.users.find((u) => u.portalUserId === values.portalUserId)?.name ?? "";
    words.role = t(`common:roles.${values.role}`);
  }
  return <Alert tone="success">{t(`notices.${notice}`, words)}</Alert>;
}

/** A member who is not an administrator: why, and the way back. */
export function UsersRefused() {
  const { t } = useTranslation("users");
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
