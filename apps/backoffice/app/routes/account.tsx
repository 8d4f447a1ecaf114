import { setStaffLocale } from "@settle/domain/auth/set-staff-locale";
import { StaffAccountFormSchema } from "@settle/domain/auth/staff-account-forms";
import { negotiateLocale } from "@settle/i18n/negotiate";
import { LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { PageHeader } from "@settle/ui/page-header";
import { Toast } from "@settle/ui/toast";
import { submitForm } from "@settle/web/forms.server";
import { LanguageForm } from "../components/account/language-form.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { i18nFor } from "../i18n/instance.ts";
import { getLocale } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/account";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("account:title"));

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  return { locale: staff.user.locale };
}

export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const { t } = i18nFor(await getLocale(request));
  return submitForm(
    form,
    StaffAccountFormSchema,
    ({ intent: _intent, ...input }) => setStaffLocale(staff.actor, input),
    {
      words: refusalWordsIn(t),
      formatError: (issues) => issues.map(() => t("account:language.invalid")),
      done: ({ locale, changed }) => {
        // Said in the language of the page that follows: the one just chosen, else the browser's.
        const next = negotiateLocale({
          saved: locale,
          acceptLanguage: request.headers.get("accept-language"),
        });
        const words = i18nFor(next).t;
        if (!changed) return { message: words("account:language.unchanged") };
        return {
          message: locale
            ? words("account:language.saved", { language: words(`common:languages.${locale}`) })
            : words("account:language.savedBrowser"),
        };
      },
    },
  );
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("account");
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <LanguageForm locale={loaderData.locale} lastResult={actionData?.reply} />
        <Card title={t("sessions.title")}>
          <p className="mb-4 text-sm text-ink-muted">{t("sessions.description")}</p>
          <LinkButton to="/account/sessions" variant="secondary">
            {t("sessions.link")}
          </LinkButton>
        </Card>
      </div>
      <Toast message={actionData?.done?.message} dismiss={t("common:dismiss")} />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
