import { CsrfInput } from "@settle/ui/csrf-input";
import { Form, useLocation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { type Locale, SUPPORTED_LOCALES } from "~/lib/locale";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import { Menu, menuItemClass } from "./menu";

/** Each language's name in that language, so visitors find theirs whatever the page is in. */
const LANGUAGE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  "pt-BR": "Português (Brasil)",
  ar: "العربية",
};

/** Where the switcher posts; see routes/set-language.ts. */
export const SET_LANGUAGE_PATH = "/language";

/** The language switcher: one form, a submit button per language, back to the same page. */
export function LanguageMenu({ align = "end" }: { align?: "start" | "end" }) {
  const { t } = useTranslation("common");
  const locale = useLocale();
  const csrf = useCsrfToken();
  const location = useLocation();
  return (
    <Menu
      align={align}
      panelClassName="w-60"
      summary={
        <span className="flex items-center gap-1.5 text-ink">
          <svg
            viewBox="0 0 24 24"
            aria-hidden="true"
            focusable="false"
            className="size-5 shrink-0 text-ink-faint"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM3.6 9h16.8M3.6 15h16.8M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
          </svg>
          <span className="sr-only">{t("language.title")}: </span>
          <span lang={locale} className="sr-only font-medium sm:not-sr-only">
            {LANGUAGE_NAMES[locale]}
          </span>
        </span>
      }
    >
      <p className="border-b border-line px-4 py-2.5 text-xs font-semibold tracking-wide text-ink-muted uppercase">
        {t("language.title")}
      </p>
      <Form method="post" action={SET_LANGUAGE_PATH} className="py-1">
        <CsrfInput token={csrf} />
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        {SUPPORTED_LOCALES.map((option) => (
          <button
            key={option}
            type="submit"
            name="locale"
            value={option}
            lang={option}
            aria-current={option === locale ? "true" : undefined}
            className={menuItemClass}
          >
            <span className="flex-1">{LANGUAGE_NAMES[option]}</span>
            {option === locale ? (
              <svg
                viewBox="0 0 24 24"
                aria-hidden="true"
                focusable="false"
                className="size-4 shrink-0 text-brand-600"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.5"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d="m5 12 5 5L20 7" />
              </svg>
            ) : null}
          </button>
        ))}
      </Form>
    </Menu>
  );
}
