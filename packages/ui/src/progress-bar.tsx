import { cx } from "./cx.ts";

export interface ProgressBarProps {
  /** How much of the whole is done: `part` of `whole` (minor units, counts…), exact integers. */
  part: bigint;
  whole: bigint;
  /** What the bar measures ("Progress of PP-1001"). */
  label: string;
  /** The same in words for screen readers ("$250.00 of $400.00 paid"). */
  valueText: string;
  className?: string;
}

/** Whole percents of `whole`, 0 to 100, in integer arithmetic. */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole <= 0n || part <= 0n) return 0;
  return Number(((part > whole ? whole : part) * 100n) / whole);
}

/** A thin bar of part of a whole: an accessible progressbar that says its value in words. */
export function ProgressBar({ part, whole, label, valueText, className }: ProgressBarProps) {
  const percent = percentOf(part, whole);
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      aria-label={label}
      className={cx("h-2 overflow-hidden rounded-full bg-slate-100", className)}
    >
      <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
    </div>
  );
}
