import type { ReactNode } from "react";
import { cx } from "./cx.ts";

export interface CardProps {
  /** Heading text; the card becomes a labelled region when given. */
  title?: ReactNode;
  /** Heading level for the title, to keep the page outline right. */
  headingLevel?: 2 | 3;
  actions?: ReactNode;
  /** Content flush with the card edges (tables). */
  flush?: boolean;
  className?: string;
  children: ReactNode;
  id?: string;
}

/** A white panel with an optional heading. */
export function Card({ title, headingLevel = 2, actions, flush, className, children, id }: CardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      id={id}
      aria-labelledby={title && headingId ? headingId : undefined}
      className={cx(
        "overflow-hidden rounded-(--radius-card) border border-line bg-surface shadow-card",
        className,
      )}
    >
      {title || actions ? (
        <div className="flex items-center justify-between gap-4 border-b border-line px-5 py-3.5">
          {title ? (
            <Heading id={headingId} className="text-sm font-semibold text-ink">
              {title}
            </Heading>
          ) : (
            <span />
          )}
          {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
        </div>
      ) : null}
      <div className={flush ? undefined : "px-5 py-4"}>{children}</div>
    </section>
  );
}
