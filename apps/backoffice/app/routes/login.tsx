import { signInStaff } from "@settle/domain/auth/sign-in-staff";
import { StaffSignInSchema } from "@settle/domain/auth/staff-sign-in-forms";
import { staffWorkspace } from "@settle/domain/auth/staff-workspace";
import { Logo } from "@settle/ui/logo";
import { submitForm } from "@settle/web/forms.server";
import { field, pageUrl, safeRedirect } from "@settle/web/request.server";
import { redirect } from "react-router";
import { ErrorPage } from "../components/error-page.tsx";
import { SignInForm, signInIssueWords } from "../components/sign-in-form.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { clientAddress } from "../request.server.ts";
import { getStaff, signInCookie } from "../session.server.ts";
import { STAFF_PAGE_PATHS } from "../staff-pages.ts";
import type { Route } from "./+types/login";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("sign-in:title"));

/**
 * A sign-in on its way to a page (`redirectTo`) goes there; otherwise to the page where the
 * user's roles start their day (the domain's landing page).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const asked = pageUrl(request).searchParams.get("redirectTo");
  const staff = await getStaff(request);
  if (staff) throw redirect(safeRedirect(asked, STAFF_PAGE_PATHS[staffWorkspace(staff.actor).landing]));
  return { redirectTo: safeRedirect(asked, "") };
}

/** Checks the credentials (rate limits included) and sets the session cookie. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  requireCsrf(request, form);
  const ip = clientAddress(request, context);
  const asked = field(form, "redirectTo");
  const t = await serverT(request, "sign-in");
  return submitForm(
    form,
    StaffSignInSchema,
    async (input) => {
      const { userId, landing } = await signInStaff(input, { ip });
      return { cookie: await signInCookie(request, context, userId), landing };
    },
    {
      words: refusalWordsIn(t),
      formatError: signInIssueWords(t),
      done: ({ cookie, landing }) =>
        redirect(safeRedirect(asked, STAFF_PAGE_PATHS[landing]), { headers: { "Set-Cookie": cookie } }),
    },
  );
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("sign-in");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-canvas px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo size="lg" />
          <h1 className="mt-5 text-2xl font-semibold tracking-tight text-ink">{t("heading")}</h1>
          <p className="mt-1 text-sm text-ink-muted">{t("tagline")}</p>
        </div>
        <div className="rounded-(--radius-card) border border-line bg-surface p-6 shadow-card sm:p-8">
          <SignInForm redirectTo={loaderData.redirectTo} lastResult={actionData?.reply} />
        </div>
        <p className="mt-6 text-center text-xs text-ink-faint">{t("notice")}</p>
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
