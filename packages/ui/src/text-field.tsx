import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import { cx } from "./cx.ts";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: ReactNode;
  name: string;
  /** Error messages for this field (server or client validation). */
  errors?: readonly string[] | string | null;
  description?: ReactNode;
  /** Hide the label visually (it stays the accessible name), e.g. in a search bar. */
  hideLabel?: boolean;
  id?: string;
}

/** A labelled input with its description and errors wired up via aria-describedby. */
export function TextField({
  label,
  name,
  errors,
  description,
  hideLabel,
  id,
  className,
  ...input
}: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? `${name}-${generated}`;
  const list = errors ? (typeof errors === "string" ? [errors] : errors) : [];
  const errorId = list.length ? `${inputId}-error` : undefined;
  const descriptionId = description ? `${inputId}-description` : undefined;
  return (
    <div className={cx("space-y-1.5", className)}>
      <label htmlFor={inputId} className={cx("block text-sm font-medium text-ink", hideLabel && "sr-only")}>
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={list.length ? true : undefined}
        aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ") || undefined}
        className={cx(
          "block w-full rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset",
          "placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:outline-none",
          list.length ? "ring-red-400 focus:ring-red-600" : "ring-slate-300 focus:ring-brand-600",
        )}
        {...input}
      />
      {description ? (
        <p id={descriptionId} className="text-xs text-ink-faint">
          {description}
        </p>
      ) : null}
      {list.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {list.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
