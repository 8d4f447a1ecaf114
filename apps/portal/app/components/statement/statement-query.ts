/** The statement's query parameters; downloads take the same ones. */
export const STATEMENT_FILTER_KEYS = [
  "view",
  "from",
  "to",
  "currency",
  "legalEntityId",
  "consolidated",
] as const;

export type StatementFilters = Partial<Record<(typeof STATEMENT_FILTER_KEYS)[number], string>>;

/** A calendar date as YYYY-MM-DD (dates are UTC midnights). */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The filters as a query string (no page), for downloads and presets: "" when none is set. */
export function statementQuery(values: StatementFilters): string {
  const search = new URLSearchParams();
  for (const key of STATEMENT_FILTER_KEYS) {
    const value = values[key];
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** What a statement was made with, as filters: the period only for activity, the switch only for parents. */
export function statementFilters(statement: {
  view: "activity" | "open";
  from: Date;
  to: Date;
  currency: string;
  legalEntityId: string | null;
  hasChildren: boolean;
  consolidated: boolean;
}): StatementFilters {
  return {
    view: statement.view,
    from: statement.view === "activity" ? isoDate(statement.from) : undefined,
    to: statement.view === "activity" ? isoDate(statement.to) : undefined,
    currency: statement.currency,
    legalEntityId: statement.legalEntityId ?? undefined,
    consolidated: statement.hasChildren ? (statement.consolidated ? "1" : "0") : undefined,
  };
}

export type PeriodPreset = "last30" | "last90" | "thisYear" | "lastYear";

/** The period presets as of a day: the last 30 and 90 days, this year so far, last year. */
export function periodPresets(today: Date): { key: PeriodPreset; from: string; to: string }[] {
  const year = today.getUTCFullYear();
  const day = (offset: number) => isoDate(new Date(today.getTime() + offset * 86_400_000));
  return [
    { key: "last30", from: day(-30), to: isoDate(today) },
    { key: "last90", from: day(-90), to: isoDate(today) },
    { key: "thisYear", from: `${year}-01-01`, to: isoDate(today) },
    { key: "lastYear", from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  ];
}
