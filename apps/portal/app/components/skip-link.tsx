import { useTranslation } from "react-i18next";

/** The first thing a keyboard user reaches: jumps past the header to the page's content. */
export function SkipLink() {
  const { t } = useTranslation("common");
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow"
    >
      {t("skipToContent")}
    </a>
  );
}
