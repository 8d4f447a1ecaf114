import type { ReactNode } from "react";
import { cx } from "./cx.ts";

export interface StatCardProps {
  label: ReactNode;
  value: ReactNode;
  /** A line under the value (comparison, breakdown). */
  hint?: ReactNode;
  tone?: "neutral" | "danger" | "success";
  className?: string;
}

const accents = {
  neutral: "before:bg-brand-500",
  danger: "before:bg-red-500",
  success: "before:bg-emerald-500",
};

/** A headline number (balance, overdue) with its label. */
export function StatCard({ label, value, hint, tone = "neutral", className }: StatCardProps) {
  return (
    <div
      className={cx(
        "relative overflow-hidden rounded-(--radius-card) border border-line bg-surface px-5 py-4 shadow-card",
        "before:absolute before:inset-y-0 before:start-0 before:w-1",
        accents[tone],
        className,
      )}
    >
      <p className="text-sm font-medium text-ink-muted">{label}</p>
      <div className="tabular mt-1 text-2xl font-semibold tracking-tight text-ink">{value}</div>
      {hint ? <div className="mt-1 text-xs text-ink-faint">{hint}</div> : null}
    </div>
  );
}
