import { listMySessions } from "@settle/domain/auth/list-my-sessions";
import { revokeMySession } from "@settle/domain/auth/revoke-my-session";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText, formatDate } from "@settle/ui/date-text";
import { Icon } from "@settle/ui/icon";
import { PageHeader } from "@settle/ui/page-header";
import { act, load } from "@settle/web/domain-errors.server";
import { field } from "@settle/web/request.server";
import { Form, useNavigation } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { describeUserAgent } from "../labels.ts";
import { requireStaff } from "../session.server.ts";
import { useCsrfToken } from "../use-csrf-token.ts";
import type { Route } from "./+types/account-sessions";

export const meta: Route.MetaFunction = () => [{ title: "Signed-in devices · Settle back office" }];

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
  const sessionId = field(form, "sessionId") ?? "";
  const result = await act(async () => ({
    revoked: await revokeMySession(staff.actor, staff.sessionId, { sessionId }),
  }));
  if (!("revoked" in result)) return result;
  const count = result.revoked;
  return {
    ok: true as const,
    message:
      sessionId === "all-others"
        ? count === 0
          ? "No other devices were signed in."
          : `Signed out of ${count} other ${count === 1 ? "device" : "devices"}.`
        : "That device is signed out.",
  };
}

export default function AccountSessions({ loaderData, actionData }: Route.ComponentProps) {
  const { sessions } = loaderData;
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const others = sessions.filter((s) => !s.current);
  return (
    <>
      <PageHeader
        title="Signed-in devices"
        description="Where your back-office account is signed in. Sign out anything you do not recognise."
        actions={
          others.length ? (
            <Form method="post">
              <CsrfInput token={csrf} />
              <input type="hidden" name="sessionId" value="all-others" />
              <Button type="submit" variant="danger" disabled={busy}>
                Sign out all other devices
              </Button>
            </Form>
          ) : null
        }
      />
      {actionData ? (
        <Alert tone={actionData.ok ? "success" : "danger"} className="mb-6">
          {actionData.message}
        </Alert>
      ) : null}
      <Card flush title={`${sessions.length} active ${sessions.length === 1 ? "session" : "sessions"}`}>
        <ul className="divide-y divide-line">
          {sessions.map((s) => {
            const device = describeUserAgent(s.userAgent);
            return (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-4 px-5 py-4">
                <div className="flex min-w-0 items-start gap-3">
                  <span className="mt-0.5 flex size-9 items-center justify-center rounded-lg bg-slate-100 text-ink-muted">
                    <Icon name="device" className="size-4.5" />
                  </span>
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-ink">
                      {device}
                      {s.current ? <Badge tone="success">This device</Badge> : null}
                    </p>
                    <p className="text-xs text-ink-faint">
                      {s.ipAddress ?? "Unknown address"} · signed in{" "}
                      <DateText value={s.createdAt} mode="datetime" /> · last active{" "}
                      <DateText value={s.lastSeenAt} mode="datetime" />
                    </p>
                  </div>
                </div>
                {s.current ? null : (
                  <Form method="post">
                    <CsrfInput token={csrf} />
                    <input type="hidden" name="sessionId" value={s.id} />
                    <Button
                      type="submit"
                      variant="secondary"
                      size="sm"
                      disabled={busy}
                      aria-label={`Sign out ${device}, last active ${formatDate(s.lastSeenAt, { mode: "datetime" })}`}
                    >
                      Sign out
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
