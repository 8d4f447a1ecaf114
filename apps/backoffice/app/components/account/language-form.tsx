import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { StaffAccountFormSchema } from "@settle/domain/auth/staff-account-forms";
import { LOCALES } from "@settle/i18n/locales";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { SelectField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormErrors } from "../form-errors.tsx";

/** The staff user's back office language, or none (the browser's); validated like the server. */
export function LanguageForm({
  locale,
  lastResult,
}: {
  locale: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("account");
  const csrf = useCsrfToken();
  const saving = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { locale: locale ?? "" },
    constraint: getZodConstraint(StaffAccountFormSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, {
        schema: StaffAccountFormSchema,
        formatError: (issues: readonly unknown[]) => issues.map(() => t("language.invalid")),
      }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Card title={t("language.title")}>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="language" />
        <FormErrors errors={form.errors} id={form.errorId} />
        <SelectField
          label={t("language.label")}
          field={fields.locale}
          description={t("language.description")}
          placeholder={t("language.browser")}
          options={LOCALES.map((value) => ({ value, label: t(`common:languages.${value}`) }))}
        />
        <Button type="submit" variant="primary" disabled={saving}>
          {t("language.save")}
        </Button>
      </Form>
    </Card>
  );
}
