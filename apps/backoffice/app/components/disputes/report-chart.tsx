import type { DisputeReport } from "@settle/domain/disputes/dispute-report";
import { useTranslation } from "../../i18n/use-translation.ts";

/** Horizontal CSS bars of disputes per group; each bar's text says its number, so nothing is lost without sight. */
export function ReportChart({ report }: { report: DisputeReport }) {
  const { t } = useTranslation("dispute-report");
  const max = Math.max(1, ...report.rows.map((r) => r.count));
  const shown = report.rows.slice(0, 12);
  return (
    <figure>
      <figcaption className="mb-3 text-sm text-ink-muted">
        {t(`chart.caption.${report.groupBy}`)}
        {report.rows.length > shown.length ? t("chart.largest", { shown: shown.length }) : ""}
      </figcaption>
      <ul className="space-y-2">
        {shown.map((r) => (
          <li
            key={`${r.key}-${r.currency}`}
            className="grid grid-cols-[minmax(8rem,14rem)_1fr] items-center gap-3 text-sm"
          >
            <span className="truncate" title={r.label}>
              {r.label}
              {report.rows.some((o) => o.key === r.key && o.currency !== r.currency)
                ? ` (${r.currency})`
                : ""}
            </span>
            <span className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="h-4 rounded-sm bg-brand-500"
                style={{ width: `${Math.max(2, (r.count / max) * 100)}%` }}
              />
              <span className="tabular text-xs text-ink-muted whitespace-nowrap">
                {t("chart.count", { count: r.count })}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
