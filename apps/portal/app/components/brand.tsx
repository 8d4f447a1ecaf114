import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";

/** Settle's mark and name; links home. */
export function Brand({ to = "/", compact }: { to?: string; compact?: boolean }) {
  const { t } = useTranslation("common");
  return (
    <Link to={to} className="inline-flex shrink-0 items-center gap-2.5 rounded-md text-ink">
      <svg viewBox="0 0 32 32" className="size-8" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <path
          d="M21 11.5c-.9-1.6-2.8-2.5-5-2.5-3 0-5 1.5-5 3.6 0 4.9 10.2 2.6 10.2 7.3 0 2.1-2.1 3.6-5.2 3.6-2.4 0-4.4-1-5.3-2.8"
          fill="none"
          stroke="white"
          strokeWidth="2.4"
          strokeLinecap="round"
        />
      </svg>
      {/* The words are the link's name: on small screens they stay there for screen readers. */}
      <span
        className={
          compact
            ? "sr-only sm:not-sr-only sm:flex sm:flex-col sm:leading-tight"
            : "flex flex-col leading-tight"
        }
      >
        <span className="text-base font-semibold tracking-tight">{t("brand.name")}</span>{" "}
        <span className="text-xs text-ink-muted">{t("brand.product")}</span>
      </span>
    </Link>
  );
}
