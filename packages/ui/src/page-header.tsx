import type { ReactNode } from "react";
import { Link } from "react-router";
import { Icon } from "./icon.tsx";

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** A link back up the hierarchy, shown above the title. */
  back?: { to: string; label: string };
  /** Small chips next to the title (status badges). */
  meta?: ReactNode;
  actions?: ReactNode;
}

/** The page's one h1 with its context and primary actions. */
export function PageHeader({ title, description, back, meta, actions }: PageHeaderProps) {
  return (
    <div className="mb-6 space-y-3">
      {back ? (
        <Link
          to={back.to}
          className="inline-flex items-center gap-1 text-sm font-medium text-ink-muted hover:text-brand-700"
        >
          <Icon name="arrowLeft" className="size-4 rtl:-scale-x-100" />
          {back.label}
        </Link>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-ink">{title}</h1>
            {meta}
          </div>
          {description ? <div className="text-sm text-ink-muted">{description}</div> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
