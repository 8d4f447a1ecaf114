import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  EnterSignInCodeSchema,
  SIGN_IN_CODE_DIGITS,
  SIGN_IN_CODE_TTL_SECONDS,
} from "@settle/domain/portal/sign-in-forms";
import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextField } from "@settle/ui/text-field";
import { field } from "@settle/web/request.server";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import { AuthLayout } from "~/components/auth-layout";
import { verifyCsrf } from "~/csrf.server";
import { useCsrfToken } from "~/lib/root-data";
import { clientAddressOf, getPortalSession, homePathFor } from "~/session.server";
import { readPendingCode, requestSignInCode, startPortalSession, verifySignInCode } from "~/sign-in.server";
import type { Route } from "./+types/login-verify";

export const meta: Route.MetaFunction = () => [{ title: "Enter your code · Settle customer portal" }];

const minutes = SIGN_IN_CODE_TTL_SECONDS / 60;

const PROBLEMS = {
  expired: `That code has expired (codes work for ${minutes} minutes). Send yourself a new code to continue.`,
  "too-many-attempts":
    "That code was entered incorrectly too many times. Send yourself a new code to continue.",
  "invalid-link":
    "That sign-in link is not valid. Enter the code from the e-mail, or send yourself a new code.",
  "rate-limited":
    "There were too many sign-in attempts from your network. Please wait a few minutes and try again.",
} as const;
type Problem = keyof typeof PROBLEMS;

const withRedirect = (path: string, redirectTo: string | null | undefined) =>
  redirectTo ? `${path}${path.includes("?") ? "&" : "?"}redirectTo=${encodeURIComponent(redirectTo)}` : path;

export async function loader({ request }: Route.LoaderArgs) {
  const session = await getPortalSession(request);
  if (session) throw redirect(homePathFor(session));
  const url = new URL(request.url);
  const problem = url.searchParams.get("problem");
  const redirectTo = url.searchParams.get("redirectTo");
  const pending = readPendingCode(request);
  if (!pending)
    throw redirect(withRedirect(`/login${problem ? "?problem=no-pending-code" : ""}`, redirectTo));
  return {
    email: pending.email,
    canEnterCode: pending.token !== null,
    problem: problem && problem in PROBLEMS ? PROBLEMS[problem as Problem] : null,
    sent: url.searchParams.has("sent"),
    redirectTo,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const ip = clientAddressOf(request, context);
  const redirectTo = field(formData, "redirectTo");

  if (field(formData, "intent") === "resend") {
    const result = await requestSignInCode(request, ip);
    if (result.ok)
      throw redirect(withRedirect("/login/verify?sent=1", redirectTo), { headers: result.headers });
    if (result.reason === "no-email") throw redirect(withRedirect("/login", redirectTo));
    return data(
      { resendError: result.message, reply: undefined },
      { status: result.status, headers: result.headers },
    );
  }

  const submission = parseWithZod(formData, { schema: EnterSignInCodeSchema });
  if (submission.status !== "success")
    return data({ reply: submission.reply(), resendError: undefined }, { status: 400 });
  const result = await verifySignInCode(request, ip, submission.value.code);
  switch (result.outcome) {
    case "signed-in":
      throw await startPortalSession(request, ip, result.user, result.headers, redirectTo);
    case "wrong-code": {
      const left = result.attemptsLeft;
      const message = `That code isn't right. You can try ${left} more ${left === 1 ? "time" : "times"}.`;
      return data(
        { reply: submission.reply({ fieldErrors: { code: [message] } }), resendError: undefined },
        { status: 400 },
      );
    }
    case "new-code-needed":
      throw redirect(withRedirect(`/login/verify?problem=${result.reason}`, redirectTo), {
        headers: result.headers,
      });
    case "rate-limited": {
      const headers = result.retryAfterSeconds
        ? { "Retry-After": String(result.retryAfterSeconds) }
        : undefined;
      return data(
        { reply: submission.reply({ formErrors: [result.message] }), resendError: undefined },
        { status: 429, headers },
      );
    }
  }
}

export default function VerifyCode({ loaderData, actionData }: Route.ComponentProps) {
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const busyIntent = navigation.state !== "idle" ? navigation.formData?.get("intent") : null;
  const [form, fields] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.reply : undefined,
    constraint: getZodConstraint(EnterSignInCodeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EnterSignInCodeSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { email, canEnterCode, problem, sent, redirectTo } = loaderData;
  return (
    <AuthLayout
      title="Check your e-mail"
      intro={
        <>
          If <strong className="font-medium text-ink">{email}</strong> has access to the customer portal,
          we've sent it a {SIGN_IN_CODE_DIGITS}-digit sign-in code and a sign-in link. Both work for {minutes}{" "}
          minutes.
        </>
      }
    >
      <div className="space-y-5">
        {sent && !problem ? (
          <Alert tone="success">We sent a new code. Only the newest code works.</Alert>
        ) : null}
        {problem ? <Alert tone="warning">{problem}</Alert> : null}
        {form.errors?.length ? <Alert tone="danger">{form.errors.join(" ")}</Alert> : null}
        {actionData?.resendError ? <Alert tone="danger">{actionData.resendError}</Alert> : null}

        {canEnterCode ? (
          <Form method="post" {...getFormProps(form)} className="space-y-5">
            <CsrfInput token={csrf} />
            <input type="hidden" name="intent" value="verify" />
            {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
            <TextField
              label="Sign-in code"
              name={fields.code.name}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={SIGN_IN_CODE_DIGITS + 2}
              required
              spellCheck={false}
              description={`The ${SIGN_IN_CODE_DIGITS} digits from the e-mail we just sent.`}
              className="[&_input]:text-center [&_input]:font-mono [&_input]:text-2xl [&_input]:tracking-[0.5em]"
              defaultValue={fields.code.initialValue ?? ""}
              errors={fields.code.errors}
            />
            <Button type="submit" className="w-full" disabled={busyIntent === "verify"}>
              {busyIntent === "verify" ? "Checking…" : "Sign in"}
            </Button>
          </Form>
        ) : null}

        <div className="border-t border-line pt-5 text-sm text-ink-muted">
          <p>{canEnterCode ? "No e-mail after a minute? Check your spam folder, or:" : "To continue:"}</p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <Form method="post">
              <CsrfInput token={csrf} />
              <input type="hidden" name="intent" value="resend" />
              {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
              <Button
                type="submit"
                variant={canEnterCode ? "secondary" : "primary"}
                disabled={busyIntent === "resend"}
              >
                {busyIntent === "resend" ? "Sending…" : "Send a new code"}
              </Button>
            </Form>
            <Link to="/login" className="font-medium text-brand-700 underline-offset-4 hover:underline">
              Use a different e-mail address
            </Link>
          </div>
        </div>
      </div>
    </AuthLayout>
  );
}
