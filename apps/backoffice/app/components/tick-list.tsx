import type { ReactNode } from "react";

export interface TickOption {
  value: string;
  /** The document's number, isolated (it is a name in any language). */
  number: string;
  /** What follows the number: amounts, dates. */
  detail: ReactNode;
}

/**
 * A fieldset of documents to tick (checkboxes named `name`, one value each), its hint, its errors
 * and what the choice makes below them (`children`). The caller keeps the ticked values.
 */
export function TickList({
  name,
  idPrefix,
  legend,
  hint,
  options,
  chosen,
  onToggle,
  errors,
  errorId,
  numberClassName = "font-medium",
  children,
}: {
  name: string;
  idPrefix: string;
  legend: ReactNode;
  hint: ReactNode;
  options: readonly TickOption[];
  chosen: readonly string[];
  onToggle: (value: string, on: boolean) => void;
  errors: readonly string[] | undefined;
  errorId: string;
  numberClassName?: string;
  children?: ReactNode;
}) {
  const hintId = `${idPrefix}-hint`;
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? errorId : hintId}>
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <p id={hintId} className="text-xs text-ink-faint">
        {hint}
      </p>
      <ul className="space-y-1.5">
        {options.map((o) => (
          <li key={o.value} className="flex items-center gap-2 text-sm">
            <input
              id={`${idPrefix}-${o.value}`}
              type="checkbox"
              name={name}
              value={o.value}
              checked={chosen.includes(o.value)}
              onChange={(e) => onToggle(o.value, e.currentTarget.checked)}
              aria-invalid={errors?.length ? true : undefined}
              className="size-4 accent-brand-600"
            />
            <label htmlFor={`${idPrefix}-${o.value}`}>
              <bdi className={numberClassName}>{o.number}</bdi>{" "}
              <span className="text-ink-muted">{o.detail}</span>
            </label>
          </li>
        ))}
      </ul>
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
