import { usePageLocale } from "./page-locale.tsx";

export interface DateTextProps {
  value: Date | string;
  /** Defaults to the page's language (<PageLocaleProvider>), else en-US. */
  locale?: string;
  /** "date" for calendar dates (due dates), "datetime" for moments (sign-ins, e-mails). */
  mode?: "date" | "datetime";
  /**
   * Calendar dates are stored as UTC midnight, so they are always shown in UTC. Moments default to
   * UTC too, so the server render and the browser agree; pass a zone to show local time.
   */
  timeZone?: string;
  className?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, mode: "date" | "datetime", timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${mode}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale,
      mode === "date"
        ? { dateStyle: "medium", timeZone }
        : { dateStyle: "medium", timeStyle: "short", timeZone },
    );
    formatters.set(key, f);
  }
  return f;
}

/** Formats a date for people and keeps the machine-readable value in `<time dateTime>`. */
export function formatDate(
  value: Date | string,
  options: Omit<DateTextProps, "value" | "className"> = {},
): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  const { locale = "en-US", mode = "date", timeZone = "UTC" } = options;
  const text = formatterFor(locale, mode, timeZone).format(date);
  return mode === "datetime" && timeZone === "UTC" ? `${text} UTC` : text;
}

export function DateText({ value, locale: given, mode = "date", timeZone, className }: DateTextProps) {
  const pageLocale = usePageLocale();
  const locale = given ?? pageLocale;
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  const iso = mode === "date" ? date.toISOString().slice(0, 10) : date.toISOString();
  return (
    <time dateTime={iso} className={className}>
      {formatDate(date, { locale, mode, timeZone })}
    </time>
  );
}
