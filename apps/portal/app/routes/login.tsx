import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { RequestSignInCodeSchema } from "@settle/domain/portal/sign-in-forms";
import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextField } from "@settle/ui/fields";
import { field, pageUrl, safeRedirect } from "@settle/web/request.server";
import { data, Form, redirect, useNavigation } from "react-router";
import { AuthLayout } from "~/components/auth-layout";
import { verifyCsrf } from "~/csrf.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { minutesToWait, signInErrorKeys } from "~/lib/form-errors";
import { useCsrfToken } from "~/lib/root-data";
import { clientAddressOf, getPortalSession, homePathFor } from "~/session.server";
import { requestSignInCode, VERIFY_PATH } from "~/sign-in.server";
import type { Route } from "./+types/login";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("auth:login.metaTitle"));

/** Why a visitor was sent back here (keys under auth:login.notices). */
const NOTICES = ["other-browser", "no-pending-code"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice => NOTICES.includes(value as Notice);

const parse = (formData: FormData) =>
  parseWithZod(formData, { schema: RequestSignInCodeSchema, formatError: signInErrorKeys });

export async function loader({ request }: Route.LoaderArgs) {
  const session = await getPortalSession(request);
  if (session) throw redirect(homePathFor(session));
  const url = pageUrl(request);
  const problem = url.searchParams.get("problem");
  return {
    redirectTo: url.searchParams.get("redirectTo"),
    signedOut: url.searchParams.has("signedOut"),
    notice: isNotice(problem) ? problem : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const submission = parse(formData);
  if (submission.status !== "success") return data({ reply: submission.reply() }, { status: 400 });
  const result = await requestSignInCode(request, clientAddressOf(request, context), submission.value.email);
  if (!result.ok) {
    const key =
      result.reason === "refused"
        ? result.status === 429
          ? "auth:errors.tooManyCodes"
          : "errors:400.body"
        : result.reason === "invalid-email"
          ? "auth:errors.emailInvalid"
          : "auth:errors.emailRequired";
    return data(
      { reply: submission.reply({ formErrors: [key] }), minutes: minutesToWait(result.retryAfterSeconds) },
      { status: result.status, headers: result.headers },
    );
  }
  const redirectTo = field(formData, "redirectTo");
  const next = redirectTo
    ? `${VERIFY_PATH}?redirectTo=${encodeURIComponent(safeRedirect(redirectTo))}`
    : VERIFY_PATH;
  throw redirect(next, { headers: result.headers });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const sending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.reply : undefined,
    constraint: getZodConstraint(RequestSignInCodeSchema),
    onValidate: ({ formData }) => parse(formData),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const values = {
    duration: t("duration.minutes", {
      count: actionData && "minutes" in actionData ? actionData.minutes : 1,
    }),
  };
  const say = (keys: string[] | undefined) => keys?.map((key) => t(key, values));
  return (
    <AuthLayout title={t("login.title")} intro={t("login.intro")}>
      <div className="space-y-5">
        {loaderData.signedOut ? <Alert tone="success">{t("login.signedOut")}</Alert> : null}
        {loaderData.notice ? <Alert tone="warning">{t(`login.notices.${loaderData.notice}`)}</Alert> : null}
        {form.errors?.length ? <Alert tone="danger">{say(form.errors)?.join(" ")}</Alert> : null}
        <Form method="post" {...getFormProps(form)} className="space-y-5">
          <CsrfInput token={csrf} />
          {loaderData.redirectTo ? (
            <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          ) : null}
          <TextField
            label={t("login.emailLabel")}
            name={fields.email.name}
            type="email"
            dir="ltr"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            required
            placeholder={t("login.emailPlaceholder")}
            defaultValue={fields.email.initialValue ?? ""}
            errors={say(fields.email.errors)}
          />
          <Button type="submit" className="w-full" disabled={sending}>
            {sending ? t("login.submitting") : t("login.submit")}
          </Button>
        </Form>
      </div>
    </AuthLayout>
  );
}
