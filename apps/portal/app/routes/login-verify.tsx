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
import { TextField } from "@settle/ui/fields";
import { field, pageUrl } from "@settle/web/request.server";
import { Trans } from "react-i18next";
import { data, Form, redirect, useNavigation } from "react-router";
import { ResendCode } from "~/components/auth/resend-code";
import { AuthLayout } from "~/components/auth-layout";
import { verifyCsrf } from "~/csrf.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { minutesToWait, signInErrorKeys } from "~/lib/form-errors";
import { useCsrfToken } from "~/lib/root-data";
import { clientAddressOf, getPortalSession, homePathFor } from "~/session.server";
import { readPendingCode, requestSignInCode, startPortalSession, verifySignInCode } from "~/sign-in.server";
import type { Route } from "./+types/login-verify";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("auth:verify.metaTitle"));

const CODE_MINUTES = SIGN_IN_CODE_TTL_SECONDS / 60;

/** Why the visitor must start over (keys under auth:verify.problems). */
const PROBLEMS = ["expired", "too-many-attempts", "invalid-link", "rate-limited"] as const;
type Problem = (typeof PROBLEMS)[number];
const isProblem = (value: string | null): value is Problem => PROBLEMS.includes(value as Problem);

const parse = (formData: FormData) =>
  parseWithZod(formData, { schema: EnterSignInCodeSchema, formatError: signInErrorKeys });

const withRedirect = (path: string, redirectTo: string | null | undefined) =>
  redirectTo ? `${path}${path.includes("?") ? "&" : "?"}redirectTo=${encodeURIComponent(redirectTo)}` : path;

export async function loader({ request }: Route.LoaderArgs) {
  const session = await getPortalSession(request);
  if (session) throw redirect(homePathFor(session));
  const url = pageUrl(request);
  const problem = url.searchParams.get("problem");
  const redirectTo = url.searchParams.get("redirectTo");
  const pending = readPendingCode(request);
  if (!pending)
    throw redirect(withRedirect(`/login${problem ? "?problem=no-pending-code" : ""}`, redirectTo));
  return {
    email: pending.email,
    canEnterCode: pending.token !== null,
    problem: isProblem(problem) ? problem : null,
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
    if (result.reason !== "refused") throw redirect(withRedirect("/login", redirectTo));
    return data(
      {
        resendError: result.status === 429 ? "auth:errors.tooManyCodes" : "errors:400.body",
        minutes: minutesToWait(result.retryAfterSeconds),
        reply: undefined,
      },
      { status: result.status, headers: result.headers },
    );
  }

  const submission = parse(formData);
  if (submission.status !== "success") return data({ reply: submission.reply() }, { status: 400 });
  const result = await verifySignInCode(request, ip, submission.value.code);
  switch (result.outcome) {
    case "signed-in":
      throw await startPortalSession(request, ip, result.user, result.headers, redirectTo);
    case "wrong-code":
      return data(
        {
          reply: submission.reply({ fieldErrors: { code: ["auth:verify.wrongCode"] } }),
          attemptsLeft: result.attemptsLeft,
        },
        { status: 400 },
      );
    case "new-code-needed":
      throw redirect(withRedirect(`/login/verify?problem=${result.reason}`, redirectTo), {
        headers: result.headers,
      });
    case "rate-limited": {
      const headers = result.retryAfterSeconds
        ? { "Retry-After": String(result.retryAfterSeconds) }
        : undefined;
      return data(
        {
          reply: submission.reply({ formErrors: ["auth:errors.tooManyAttempts"] }),
          minutes: minutesToWait(result.retryAfterSeconds),
        },
        { status: 429, headers },
      );
    }
  }
}

export default function VerifyCode({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const busyIntent = navigation.state !== "idle" ? navigation.formData?.get("intent") : null;
  const [form, fields] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.reply : undefined,
    constraint: getZodConstraint(EnterSignInCodeSchema),
    onValidate: ({ formData }) => parse(formData),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { email, canEnterCode, problem, sent, redirectTo } = loaderData;
  const values = {
    digits: SIGN_IN_CODE_DIGITS,
    count: actionData && "attemptsLeft" in actionData ? actionData.attemptsLeft : 0,
    duration: t("duration.minutes", {
      count: actionData && "minutes" in actionData ? actionData.minutes : CODE_MINUTES,
    }),
  };
  const say = (keys: string[] | undefined) => keys?.map((key) => t(key, values));
  const codeDuration = t("duration.minutes", { count: CODE_MINUTES });
  return (
    <AuthLayout
      title={t("verify.title")}
      intro={
        <Trans
          t={t}
          i18nKey="verify.intro"
          values={{ email, digits: SIGN_IN_CODE_DIGITS, duration: codeDuration }}
          components={{ strong: <strong className="font-medium text-ink" /> }}
        />
      }
    >
      <div className="space-y-5">
        {sent && !problem ? <Alert tone="success">{t("verify.sent")}</Alert> : null}
        {problem ? (
          <Alert tone="warning">{t(`verify.problems.${problem}`, { duration: codeDuration })}</Alert>
        ) : null}
        {form.errors?.length ? <Alert tone="danger">{say(form.errors)?.join(" ")}</Alert> : null}
        {actionData && "resendError" in actionData && actionData.resendError ? (
          <Alert tone="danger">{t(actionData.resendError, values)}</Alert>
        ) : null}

        {canEnterCode ? (
          <Form method="post" {...getFormProps(form)} className="space-y-5">
            <CsrfInput token={csrf} />
            <input type="hidden" name="intent" value="verify" />
            {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
            <TextField
              label={t("verify.codeLabel")}
              name={fields.code.name}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={SIGN_IN_CODE_DIGITS + 2}
              required
              spellCheck={false}
              dir="ltr"
              description={t("verify.codeHint", { digits: SIGN_IN_CODE_DIGITS })}
              className="[&_input]:text-center [&_input]:font-mono [&_input]:text-2xl [&_input]:tracking-[0.5em]"
              defaultValue={fields.code.initialValue ?? ""}
              errors={say(fields.code.errors)}
            />
            <Button type="submit" className="w-full" disabled={busyIntent === "verify"}>
              {busyIntent === "verify" ? t("verify.submitting") : t("verify.submit")}
            </Button>
          </Form>
        ) : null}

        <ResendCode canEnterCode={canEnterCode} redirectTo={redirectTo} />
      </div>
    </AuthLayout>
  );
}
