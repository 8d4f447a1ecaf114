import { listMySessions } from "@settle/domain/auth/list-my-sessions";
import { revokeMySession } from "@settle/domain/auth/revoke-my-session";
import { RevokeSessionFormSchema, sessionsToRevoke } from "@settle/domain/auth/session-forms";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { Icon } from "@settle/ui/icon";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import type { TFunction } from "i18next";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { wordsFor } from "~/lib/form-words.server";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import { describeUserAgent } from "~/lib/user-agent";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/account-sessions";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("devices:title"));

export async function loader({ request }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const sessions = await load(() => listMySessions(session.actor, session.sessionId));
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.current,
      ...describeUserAgent(s.userAgent),
      ipAddress: s.ipAddress,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
    })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const session = await requirePortalSession(request);
  const { t } = await wordsFor(request);
  return submitForm(
    formData,
    RevokeSessionFormSchema,
    (form) => revokeMySession(session.actor, session.sessionId, sessionsToRevoke(form)),
    {
      words: (refusal) => (refusal.reason === "unknown-intent" ? t("errors:400.body") : t("devices:failed")),
      done: (count) => ({ count }),
    },
  );
}

/** "Chrome on Windows"; browser and system names are the same in every language. */
const deviceName = (t: TFunction<"devices">, s: { browser: string | null; os: string | null }) =>
  s.browser && s.os
    ? t("device", { browser: s.browser, os: s.os })
    : (s.browser ?? s.os ?? t("unknownDevice"));

export default function AccountSessions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("devices");
  const csrf = useCsrfToken();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const others = loaderData.sessions.filter((s) => !s.current);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-4">
        {actionData?.done ? (
          <Alert tone="success">
            {actionData.done.count === 0
              ? t("nothingSignedOut")
              : t("signedOut", { count: actionData.done.count })}
          </Alert>
        ) : null}
        {actionData?.reply.error?.[""]?.length ? (
          <Alert tone="danger">{actionData.reply.error[""].join(" ")}</Alert>
        ) : null}
        <Card
          title={t("activeSessions")}
          id="sessions"
          flush
          actions={
            others.length > 0 ? (
              <Form method="post">
                <CsrfInput token={csrf} />
                <Button
                  type="submit"
                  name="intent"
                  value="revoke-others"
                  variant="secondary"
                  size="sm"
                  disabled={busy}
                >
                  {t("signOutOthers")}
                </Button>
              </Form>
            ) : null
          }
        >
          <ul className="divide-y divide-line">
            {loaderData.sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-4 px-5 py-4">
                <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-ink-muted">
                  <Icon name="device" />
                </span>
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-ink">
                    {deviceName(t, s)}
                    {s.current ? <Badge tone="success">{t("thisDevice")}</Badge> : null}
                  </p>
                  <p className="mt-0.5 text-xs text-ink-muted">
                    {s.ipAddress ? (
                      <>
                        <Trans
                          t={t}
                          i18nKey="ipAddress"
                          values={{ ip: s.ipAddress }}
                          components={{ bdi: <bdi /> }}
                        />
                        {" · "}
                      </>
                    ) : null}
                    <Trans
                      t={t}
                      i18nKey="activity"
                      components={{
                        signedIn: <DateText value={s.createdAt} mode="datetime" locale={locale} />,
                        lastActive: <DateText value={s.lastSeenAt} mode="datetime" locale={locale} />,
                      }}
                    />
                  </p>
                </div>
                {s.current ? null : (
                  <Form method="post">
                    <CsrfInput token={csrf} />
                    <input type="hidden" name="sessionId" value={s.id} />
                    <Button
                      type="submit"
                      name="intent"
                      value="revoke"
                      variant="ghost"
                      size="sm"
                      disabled={busy}
                    >
                      <Trans
                        t={t}
                        i18nKey="signOut"
                        values={{ device: deviceName(t, s) }}
                        components={{ hidden: <span className="sr-only" /> }}
                      />
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
