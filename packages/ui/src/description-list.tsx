import type { ReactNode } from "react";
import { cx } from "./cx.ts";

export interface DescriptionItem {
  /** Plain text, unique within the list (it is also the React key). */
  term: string;
  details: ReactNode;
}

/** Label/value pairs (account facts), in a responsive grid. */
export function DescriptionList({
  items,
  columns = 2,
  className,
}: {
  items: DescriptionItem[];
  columns?: 1 | 2 | 3;
  className?: string;
}) {
  return (
    <dl
      className={cx(
        "grid gap-x-6 gap-y-4",
        columns === 3 ? "sm:grid-cols-2 lg:grid-cols-3" : columns === 2 ? "sm:grid-cols-2" : undefined,
        className,
      )}
    >
      {items.map((item) => (
        <div key={item.term} className="min-w-0">
          <dt className="text-xs font-medium tracking-wide text-ink-faint uppercase">{item.term}</dt>
          <dd className="mt-1 text-sm text-ink">{item.details}</dd>
        </div>
      ))}
    </dl>
  );
}
