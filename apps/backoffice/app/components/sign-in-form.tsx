import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { StaffSignInSchema } from "@settle/domain/auth/staff-sign-in-forms";
import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextField } from "@settle/ui/fields";
import type { TFunction } from "i18next";
import { Form, useNavigation } from "react-router";
import type { $ZodIssue } from "zod/v4/core";
import { useTranslation } from "../i18n/use-translation.ts";
import { useCsrfToken } from "../use-csrf-token.ts";

/** The sign-in form's field errors in the page's language, the same in the browser and from the server. */
export const signInIssueWords = (t: TFunction) => (issues: readonly $ZodIssue[]) => [
  t(issues[0]?.path[0] === "password" ? "sign-in:passwordMissing" : "sign-in:emailMissing"),
];

/** E-mail and password, validated in the browser with the schema the server uses. */
export function SignInForm({
  redirectTo,
  lastResult,
}: {
  redirectTo: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("sign-in");
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    constraint: getZodConstraint(StaffSignInSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: StaffSignInSchema, formatError: signInIssueWords(t) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5" aria-label={t("form")}>
      <CsrfInput token={csrf} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {form.errors?.length ? (
        <div id={form.errorId}>
          <Alert tone="danger">{form.errors.join(" ")}</Alert>
        </div>
      ) : null}
      <TextField label={t("email")} field={fields.email} type="email" autoComplete="username" />
      <TextField
        label={t("password")}
        field={fields.password}
        type="password"
        autoComplete="current-password"
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {t(busy ? "busy" : "submit")}
      </Button>
    </Form>
  );
}
