import { Button } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { Form, Link, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";

/** Below the code: another code by e-mail (the main action when no code can be entered), or another address. */
export function ResendCode({
  canEnterCode,
  redirectTo,
}: {
  canEnterCode: boolean;
  redirectTo: string | null;
}) {
  const { t } = useTranslation("auth");
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const resending = navigation.state !== "idle" && navigation.formData?.get("intent") === "resend";
  return (
    <div className="border-t border-line pt-5 text-sm text-ink-muted">
      <p>{canEnterCode ? t("verify.noEmail") : t("verify.toContinue")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Form method="post">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="resend" />
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <Button type="submit" variant={canEnterCode ? "secondary" : "primary"} disabled={resending}>
            {resending ? t("verify.resending") : t("verify.resend")}
          </Button>
        </Form>
        <Link to="/login" className="font-medium text-brand-700 underline underline-offset-4">
          {t("verify.differentEmail")}
        </Link>
      </div>
    </div>
  );
}
