import { listMySessions } from "@settle/domain/auth/list-my-sessions";
import { revokeMySession } from "@settle/domain/auth/revoke-my-session";
import { RevokeSessionFormSchema, sessionsToRevoke } from "@settle/domain/auth/session-forms";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText, formatDate } from "@settle/ui/date-text";
import { Icon } from "@settle/ui/icon";
import { PageHeader } from "@settle/ui/page-header";
import { usePageLocale } from "@settle/ui/page-locale";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import type { TFunction } from "i18next";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { describeUserAgent } from "../labels.ts";
import { requireStaff } from "../session.server.ts";
import { useCsrfToken } from "../use-csrf-token.ts";
import type { Route } from "./+types/account-sessions";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("sessions:title"));

/** "Chrome on Windows" in the page's language. */
function deviceName(t: TFunction, userAgent: string | null): string {
  const device = describeUserAgent(userAgent);
  if (!device) return t("unknownDevice");
  const browser =
    device.browser === "script" || device.browser === "browser" ? t(device.browser) : device.browser;
  return device.os ? t("deviceOn", { browser, os: device.os }) : browser;
}

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const sessions = await load(() => listMySessions(staff.actor, staff.sessionId));
  // Session ids are hashes of the cookie token: safe to show, and what revoking needs.
  return { sessions };
}

export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const t = await serverT(request, "sessions");
  return submitForm(
    form,
    RevokeSessionFormSchema,
    async (input) => ({
      intent: input.intent,
      count: await revokeMySession(staff.actor, staff.sessionId, sessionsToRevoke(input)),
    }),
    {
      words: refusalWordsIn(t),
      done: ({ intent, count }) => ({
        message:
          intent === "revoke-others"
            ? count === 0
              ? t("noOthers")
              : t("signedOutOthers", { count })
            : t("signedOut"),
      }),
    },
  );
}

export default function AccountSessions({ loaderData, actionData }: Route.ComponentProps) {
  const { sessions } = loaderData;
  const { t } = useTranslation("sessions");
  const locale = usePageLocale();
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const others = sessions.filter((s) => !s.current);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          others.length ? (
            <Form method="post">
              <CsrfInput token={csrf} />
              <input type="hidden" name="intent" value="revoke-others" />
              <Button type="submit" variant="danger" disabled={busy}>
                {t("signOutOthers")}
              </Button>
            </Form>
          ) : null
        }
      />
      {actionData?.done ? (
        <Alert tone="success" className="mb-6">
          {actionData.done.message}
        </Alert>
      ) : null}
      {actionData?.reply.error?.[""]?.length ? (
        <Alert tone="danger" className="mb-6">
          {actionData.reply.error[""].join(" ")}
        </Alert>
      ) : null}
      <Card flush title={t("active", { count: sessions.length })}>
        <ul className="divide-y divide-line">
          {sessions.map((s) => {
            const device = deviceName(t, s.userAgent);
            return (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-4 px-5 py-4">
                <div className="flex min-w-0 items-start gap-3">
                  <span className="mt-0.5 flex size-9 items-center justify-center rounded-lg bg-slate-100 text-ink-muted">
                    <Icon name="device" className="size-4.5" />
                  </span>
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-ink">
                      {device}
                      {s.current ? <Badge tone="success">{t("thisDevice")}</Badge> : null}
                    </p>
                    <p className="text-xs text-ink-faint">
                      <Trans
                        t={t}
                        i18nKey="when"
                        values={{ address: s.ipAddress ?? t("unknownAddress") }}
                        components={[
                          <DateText key="signedIn" value={s.createdAt} mode="datetime" />,
                          <DateText key="lastActive" value={s.lastSeenAt} mode="datetime" />,
                        ]}
                      />
                    </p>
                  </div>
                </div>
                {s.current ? null : (
                  <Form method="post">
                    <CsrfInput token={csrf} />
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="sessionId" value={s.id} />
                    <Button
                      type="submit"
                      variant="secondary"
                      size="sm"
                      disabled={busy}
                      aria-label={t("signOutDevice", {
                        device,
                        lastActive: formatDate(s.lastSeenAt, { mode: "datetime", locale }),
                      })}
                    >
                      {t("signOut")}
                    </Button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      </Card>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
