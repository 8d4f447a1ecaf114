import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextField } from "@settle/ui/fields";
import { Logo } from "@settle/ui/logo";
import { act } from "@settle/web/domain-errors.server";
import { field, pageUrl, safeRedirect } from "@settle/web/request.server";
import { Form, redirect, useNavigation } from "react-router";
import { staffAuthenticator } from "../auth.server.ts";
import { ErrorPage } from "../components/error-page.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { clientAddress } from "../request.server.ts";
import { getStaff, signInCookie } from "../session.server.ts";
import { useCsrfToken } from "../use-csrf-token.ts";
import type { Route } from "./+types/login";

export const meta: Route.MetaFunction = () => [{ title: "Sign in · Settle back office" }];

const DEFAULT_TARGET = "/customers";

export async function loader({ request }: Route.LoaderArgs) {
  const redirectTo = safeRedirect(pageUrl(request).searchParams.get("redirectTo"), DEFAULT_TARGET);
  if (await getStaff(request)) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: Route.ActionArgs) {
  // The strategy reads the body itself, so the CSRF check reads a copy.
  const form = await request.clone().formData();
  requireCsrf(request, form);
  const ip = clientAddress(request, context);
  const outcome = await act(() => staffAuthenticator({ ip }).authenticate("form", request));
  if (!("userId" in outcome)) return outcome;
  const target = safeRedirect(field(form, "redirectTo"), DEFAULT_TARGET);
  return redirect(target, {
    headers: { "Set-Cookie": await signInCookie(request, context, outcome.userId) },
  });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const errors = actionData && "fieldErrors" in actionData ? actionData.fieldErrors : undefined;
  const message = actionData && "message" in actionData ? actionData.message : undefined;
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-canvas px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo size="lg" />
          <h1 className="mt-5 text-2xl font-semibold tracking-tight text-ink">Sign in to Settle</h1>
          <p className="mt-1 text-sm text-ink-muted">Back office for the accounts receivable team</p>
        </div>
        <div className="rounded-(--radius-card) border border-line bg-surface p-6 shadow-card sm:p-8">
          <Form method="post" className="space-y-5" aria-label="Sign in">
            <CsrfInput token={csrf} />
            <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
            {message && !errors ? <Alert tone="danger">{message}</Alert> : null}
            <TextField
              label="E-mail"
              name="email"
              type="email"
              autoComplete="username"
              required
              errors={errors?.email}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              errors={errors?.password}
            />
            <Button type="submit" className="w-full" disabled={busy}>
              {busy ? "Signing in…" : "Sign in"}
            </Button>
          </Form>
        </div>
        <p className="mt-6 text-center text-xs text-ink-faint">
          Access is for Settle staff. Attempts are rate-limited and recorded.
        </p>
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
