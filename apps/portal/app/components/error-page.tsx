import { LinkButton } from "@settle/ui/button";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";
import { Brand } from "./brand";
import { type ErrorDetail, errorCopy } from "./error-copy";
import { LanguageMenu } from "./language-menu";
import { SkipLink } from "./skip-link";

interface ErrorProps {
  status: number;
  detail?: ErrorDetail;
}

function ErrorText({
  status,
  detail,
  home,
}: ErrorProps & { home: { to: string; reloadDocument?: boolean } }) {
  const { t } = useTranslation("errors");
  const format = useFormat();
  const copy = errorCopy(t, status, detail);
  return (
    <div className="mx-auto max-w-md text-center">
      <p className="text-sm font-semibold text-brand-700">{t("label", { status: format.number(status) })}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">{copy.title}</h1>
      <p className="mt-3 text-sm leading-6 text-ink-muted">{copy.body}</p>
      <div className="mt-6 flex justify-center">
        <LinkButton to={home.to} variant="primary" reloadDocument={home.reloadDocument}>
          {t("home")}
        </LinkButton>
      </div>
    </div>
  );
}

/** A full-page error (the root boundary): the page's own layout could not render. */
export function ErrorPage({ status, detail }: ErrorProps) {
  // Without the root loader's data there is no form token, so no language switcher either.
  const canSwitchLanguage = useCsrfToken() !== "";
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <Brand />
          {canSwitchLanguage ? <LanguageMenu /> : null}
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="flex flex-1 items-center justify-center px-4 py-16 outline-none"
      >
        <ErrorText status={status} detail={detail} home={{ to: "/", reloadDocument: true }} />
      </main>
    </div>
  );
}

/** An error inside the signed-in layout: the header stays, the page area explains. */
export function RouteErrorPanel({ status, detail }: ErrorProps) {
  return (
    <div className="py-16">
      <ErrorText status={status} detail={detail} home={{ to: "/select-account" }} />
    </div>
  );
}
