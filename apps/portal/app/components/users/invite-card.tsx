import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { PORTAL_ROLES, PortalUsersFormSchema } from "@settle/domain/portal-access/portal-access-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { RadioGroupField, TextField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";
import { usersFieldWords } from "./users-form-words";

/**
 * Inviting a colleague: name, e-mail and role, validated in the browser with the schema and the
 * words the action uses.
 */
export function InviteCard({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("users");
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const sending = navigation.state !== "idle" && navigation.formData?.get("intent") === "invite";
  const [form, fields] = useForm({
    id: "invite",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue: { role: "VIEWER" },
    constraint: getZodConstraint(PortalUsersFormSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: PortalUsersFormSchema, formatError: usersFieldWords(t) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const roles = PORTAL_ROLES.map((role) => ({
    value: role,
    label: t(`common:roles.${role}`),
    description: t(`roles.${role}`),
  }));
  return (
    <Card title={t("invite.title")} id="invite-colleague">
      <p className="mb-4 text-sm text-ink-muted">{t("invite.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="invite" />
        <TextField label={t("invite.name")} field={fields.name} autoComplete="off" />
        <TextField
          label={t("invite.email")}
          field={fields.email}
          type="email"
          dir="ltr"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          placeholder={t("invite.emailPlaceholder")}
        />
        <RadioGroupField key={form.key} label={t("invite.role")} field={fields.role} options={roles} />
        <Button type="submit" className="w-full" disabled={sending}>
          {sending ? t("invite.submitting") : t("invite.submit")}
        </Button>
      </Form>
    </Card>
  );
}
