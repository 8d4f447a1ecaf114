import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Brand } from "./brand";
import { LanguageMenu } from "./language-menu";
import { SkipLink } from "./skip-link";

/** The frame of the sign-in pages: the brand and language, one card, and a reassuring footer. */
export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation("auth");
  return (
    <div className="flex min-h-screen flex-col bg-linear-to-b from-brand-50/60 via-canvas to-canvas">
      <SkipLink />
      <header className="mx-auto flex w-full max-w-md items-center justify-between gap-4 px-4 pt-12 sm:pt-20">
        <Brand to="/login" />
        <LanguageMenu />
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-md px-4 pt-8 pb-6 outline-none">
        <div className="rounded-(--radius-card) border border-line bg-surface px-6 py-8 shadow-card sm:px-8">
          <h1 className="text-xl font-semibold tracking-tight text-ink">{title}</h1>
          {intro ? <div className="mt-2 text-sm leading-6 text-ink-muted">{intro}</div> : null}
          <div className="mt-6">{children}</div>
        </div>
      </main>
      <footer className="mx-auto w-full max-w-md px-6 pb-12 text-center text-xs leading-5 text-ink-muted">
        {t("layout.safeNote")}
        <br />
        {t("layout.contactNote")}
      </footer>
    </div>
  );
}
