import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { RequestSignInCodeSchema } from "@settle/domain/portal/sign-in-forms";
import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextField } from "@settle/ui/text-field";
import { field, safeRedirect } from "@settle/web/request.server";
import { data, Form, redirect, useNavigation } from "react-router";
import { AuthLayout } from "~/components/auth-layout";
import { verifyCsrf } from "~/csrf.server";
import { useCsrfToken } from "~/lib/root-data";
import { clientAddressOf, getPortalSession, homePathFor } from "~/session.server";
import { requestSignInCode, VERIFY_PATH } from "~/sign-in.server";
import type { Route } from "./+types/login";

export const meta: Route.MetaFunction = () => [{ title: "Sign in · Settle customer portal" }];

const NOTICES = {
  "other-browser":
    "That sign-in link only works in the browser where you asked for the code. Enter your e-mail address to get a new code here.",
  "no-pending-code":
    "Your sign-in took too long or was started in another browser. Enter your e-mail address to get a new code.",
} as const;

export async function loader({ request }: Route.LoaderArgs) {
  const session = await getPortalSession(request);
  if (session) throw redirect(homePathFor(session));
  const url = new URL(request.url);
  const problem = url.searchParams.get("problem");
  return {
    redirectTo: url.searchParams.get("redirectTo"),
    signedOut: url.searchParams.has("signedOut"),
    notice: problem && problem in NOTICES ? NOTICES[problem as keyof typeof NOTICES] : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const submission = parseWithZod(formData, { schema: RequestSignInCodeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await requestSignInCode(request, clientAddressOf(request, context), submission.value.email);
  if (!result.ok) {
    return data(submission.reply({ formErrors: [result.message] }), {
      status: result.status,
      headers: result.headers,
    });
  }
  const redirectTo = field(formData, "redirectTo");
  const next = redirectTo
    ? `${VERIFY_PATH}?redirectTo=${encodeURIComponent(safeRedirect(redirectTo))}`
    : VERIFY_PATH;
  throw redirect(next, { headers: result.headers });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const sending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useForm({
    lastResult: navigation.state === "idle" ? actionData : undefined,
    constraint: getZodConstraint(RequestSignInCodeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestSignInCodeSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <AuthLayout
      title="Sign in to your account"
      intro="Enter the e-mail address your supplier has on file. We'll send you a one-time code, no password needed."
    >
      <div className="space-y-5">
        {loaderData.signedOut ? <Alert tone="success">You are signed out.</Alert> : null}
        {loaderData.notice ? <Alert tone="warning">{loaderData.notice}</Alert> : null}
        {form.errors?.length ? <Alert tone="danger">{form.errors.join(" ")}</Alert> : null}
        <Form method="post" {...getFormProps(form)} className="space-y-5">
          <CsrfInput token={csrf} />
          {loaderData.redirectTo ? (
            <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          ) : null}
          <TextField
            label="E-mail address"
            name={fields.email.name}
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            required
            placeholder="name@company.com"
            defaultValue={fields.email.initialValue ?? ""}
            errors={fields.email.errors}
          />
          <Button type="submit" className="w-full" disabled={sending}>
            {sending ? "Sending code…" : "Send me a sign-in code"}
          </Button>
        </Form>
      </div>
    </AuthLayout>
  );
}
