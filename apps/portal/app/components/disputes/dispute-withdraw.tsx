import { getFormProps } from "@conform-to/react";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextareaField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";
import { type DisputeAnswer, useDisputeForm } from "./use-dispute-form";

/** Withdrawing the dispute, with an optional note why. */
export function DisputeWithdraw({ answer }: { answer: DisputeAnswer | undefined }) {
  const { t } = useTranslation("disputes");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useDisputeForm("withdraw", answer);
  return (
    <Card title={t("detail.withdraw")}>
      <Form method="post" {...getFormProps(form)} className="space-y-2">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="withdraw" />
        <p className="text-sm text-ink-muted">{t("detail.withdrawHint")}</p>
        <TextareaField label={t("detail.withdrawNote")} field={fields.note} rows={2} />
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("detail.withdrawConfirm")}
        </Button>
      </Form>
    </Card>
  );
}
