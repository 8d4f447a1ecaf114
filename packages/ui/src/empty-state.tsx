import type { ReactNode } from "react";
import { Icon, type IconName } from "./icon.tsx";

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  icon?: IconName;
  action?: ReactNode;
}

/** What a list shows when it has nothing to show, and what to do about it. */
export function EmptyState({ title, description, icon = "search", action }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center px-6 py-12 text-center">
      <div className="mb-3 flex size-11 items-center justify-center rounded-full bg-slate-100 text-ink-faint">
        <Icon name={icon} />
      </div>
      <p className="text-sm font-semibold text-ink">{title}</p>
      {description ? <div className="mt-1 max-w-sm text-sm text-ink-muted">{description}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
