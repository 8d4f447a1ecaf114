import { type FieldMetadata, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { cx } from "./cx.ts";

/**
 * Labelled form fields. Each takes its words as props (label, description, options) and either a
 * Conform field (`field`: name, id, initial value, constraints and errors come from the form's
 * schema, so the browser validates as the server will) or a plain `name` and `errors` for forms
 * without Conform (GET filter bars). Errors and descriptions are tied to the control with
 * aria-describedby; an invalid control says so with aria-invalid.
 */
interface FieldBase {
  label: ReactNode;
  description?: ReactNode;
  /** Hide the label visually (it stays the accessible name), e.g. in a search bar. */
  hideLabel?: boolean;
  className?: string;
  // biome-ignore lint/suspicious/noExplicitAny: Conform's field metadata for any schema type.
  field?: FieldMetadata<any, any, string[]>;
  /** Without `field`: the control's name, id and errors. */
  name?: string;
  id?: string;
  errors?: readonly string[] | string | null;
}

const CONTROL =
  "block w-full rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:outline-none disabled:bg-slate-50 disabled:text-ink-muted";

const controlClass = (invalid: boolean, extra?: string) =>
  cx(CONTROL, invalid ? "ring-red-400 focus:ring-red-600" : "ring-slate-300 focus:ring-brand-600", extra);

interface Wiring {
  id: string;
  name: string;
  errors: readonly string[];
  errorId: string;
  descriptionId: string;
}

function useWiring(props: FieldBase): Wiring {
  const generated = useId();
  const { field } = props;
  if (field) {
    return {
      id: field.id,
      name: field.name,
      errors: field.errors ?? [],
      errorId: field.errorId,
      descriptionId: field.descriptionId,
    };
  }
  const name = props.name ?? "";
  const id = props.id ?? `${name}-${generated}`;
  const errors = props.errors ? (typeof props.errors === "string" ? [props.errors] : props.errors) : [];
  return { id, name, errors, errorId: `${id}-error`, descriptionId: `${id}-description` };
}

/** What a plain control gets when there is no Conform field to derive it from. */
function plainAria(props: FieldBase, w: Wiring) {
  const describedBy = [props.description ? w.descriptionId : null, w.errors.length ? w.errorId : null]
    .filter(Boolean)
    .join(" ");
  return {
    id: w.id,
    name: w.name,
    "aria-invalid": w.errors.length ? true : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

/** Conform's aria-describedby names the description only when asked; keep it when there is one. */
function conformAria(props: FieldBase, w: Wiring, describedBy: string | undefined) {
  const ids = new Set((describedBy ?? "").split(" ").filter(Boolean));
  if (props.description) ids.add(w.descriptionId);
  return ids.size ? [...ids].join(" ") : undefined;
}

function Frame({
  props,
  wiring,
  children,
  legend,
}: {
  props: FieldBase;
  wiring: Wiring;
  children: ReactNode;
  /** A group of controls (radios) takes a fieldset legend instead of a label. */
  legend?: boolean;
}) {
  const label = (
    <span className={cx("block text-sm font-medium text-ink", props.hideLabel && "sr-only")}>
      {props.label}
    </span>
  );
  const rest = (
    <>
      {children}
      {props.description ? (
        <p id={wiring.descriptionId} className="text-xs text-ink-faint">
          {props.description}
        </p>
      ) : null}
      {wiring.errors.length ? (
        <p id={wiring.errorId} className="text-sm text-red-700">
          {wiring.errors.join(" ")}
        </p>
      ) : null}
    </>
  );
  if (legend) {
    return (
      <fieldset className={cx("min-w-0 space-y-1.5", props.className)}>
        <legend className="mb-1.5">{label}</legend>
        {rest}
      </fieldset>
    );
  }
  return (
    <div className={cx("space-y-1.5", props.className)}>
      <label htmlFor={wiring.id}>{label}</label>
      {rest}
    </div>
  );
}

type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type" | "className">;

function InputControl(
  props: FieldBase &
    InputAttributes & { type: "text" | "email" | "search" | "date" | "file" | "tel" | "password" },
) {
  const { label, description, hideLabel, className, field, name, id, errors, type, ...native } = props;
  const wiring = useWiring(props);
  const base = field
    ? (() => {
        const { key: _key, ...conform } = getInputProps(field, { type });
        return { ...conform, "aria-describedby": conformAria(props, wiring, conform["aria-describedby"]) };
      })()
    : { ...plainAria(props, wiring), type };
  return (
    <Frame props={props} wiring={wiring}>
      <input {...base} {...native} className={controlClass(wiring.errors.length > 0)} />
    </Frame>
  );
}

export type TextFieldProps = FieldBase &
  InputAttributes & { type?: "text" | "email" | "search" | "tel" | "password" };

/** A labelled text input (text, e-mail, search, phone, password). */
export function TextField({ type = "text", ...props }: TextFieldProps) {
  return <InputControl {...props} type={type} />;
}

/** A labelled calendar date (the browser's date picker; the value is YYYY-MM-DD). */
export function DateField(props: FieldBase & InputAttributes) {
  return <InputControl {...props} type="date" />;
}

/** A labelled file input; `accept` and `multiple` as on the element. */
export function FileField(props: FieldBase & InputAttributes) {
  return <InputControl {...props} type="file" />;
}

/**
 * A labelled amount of money, typed as people type it ("1,250.00"); the server's money module
 * parses it. The currency code stands beside the input and is part of its accessible description.
 */
export function MoneyField({ currency, ...props }: FieldBase & InputAttributes & { currency: string }) {
  const { label, description, hideLabel, className, field, name, id, errors, ...native } = props;
  const wiring = useWiring(props);
  const currencyId = `${wiring.id}-currency`;
  const base = field
    ? (() => {
        const { key: _key, ...conform } = getInputProps(field, { type: "text" });
        return conform;
      })()
    : { ...plainAria(props, wiring), type: "text" };
  const describedBy = [currencyId, ...(base["aria-describedby"] ?? "").split(" ")];
  if (props.description) describedBy.push(wiring.descriptionId);
  return (
    <Frame props={props} wiring={wiring}>
      <div className="relative">
        <input
          {...base}
          inputMode="decimal"
          autoComplete="off"
          {...native}
          aria-describedby={[...new Set(describedBy.filter(Boolean))].join(" ")}
          className={controlClass(wiring.errors.length > 0, "pe-14 text-end tabular")}
        />
        <span
          id={currencyId}
          className="pointer-events-none absolute inset-y-0 end-3 flex items-center text-sm text-ink-muted"
        >
          {currency}
        </span>
      </div>
    </Frame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A labelled select; `placeholder` adds a first option with an empty value. */
export function SelectField(
  props: FieldBase &
    Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "className"> & {
      options: readonly SelectOption[];
      placeholder?: string;
    },
) {
  const {
    label,
    description,
    hideLabel,
    className,
    field,
    name,
    id,
    errors,
    options,
    placeholder,
    ...native
  } = props;
  const wiring = useWiring(props);
  const base = field
    ? (() => {
        const { key: _key, ...conform } = getSelectProps(field);
        return { ...conform, "aria-describedby": conformAria(props, wiring, conform["aria-describedby"]) };
      })()
    : plainAria(props, wiring);
  return (
    <Frame props={props} wiring={wiring}>
      <select {...base} {...native} className={controlClass(wiring.errors.length > 0, "pe-8")}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A labelled multi-line text. */
export function TextareaField(
  props: FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "className">,
) {
  const { label, description, hideLabel, className, field, name, id, errors, ...native } = props;
  const wiring = useWiring(props);
  const base = field
    ? (() => {
        const { key: _key, ...conform } = getTextareaProps(field);
        return { ...conform, "aria-describedby": conformAria(props, wiring, conform["aria-describedby"]) };
      })()
    : plainAria(props, wiring);
  return (
    <Frame props={props} wiring={wiring}>
      <textarea rows={4} {...base} {...native} className={controlClass(wiring.errors.length > 0)} />
    </Frame>
  );
}

/** A group of radio buttons with a legend; `options` as for a select. */
export function RadioGroupField(
  props: FieldBase & {
    options: readonly (SelectOption & { description?: ReactNode })[];
    defaultValue?: string;
  },
) {
  const wiring = useWiring(props);
  const initial = props.field ? props.field.initialValue : props.defaultValue;
  return (
    <Frame props={props} wiring={wiring} legend>
      <div className="space-y-2">
        {props.options.map((o) => {
          const optionId = `${wiring.id}-${o.value}`;
          return (
            <label key={o.value} htmlFor={optionId} className="flex items-start gap-2 text-sm text-ink">
              <input
                type="radio"
                id={optionId}
                name={wiring.name}
                value={o.value}
                disabled={o.disabled}
                defaultChecked={initial === o.value}
                aria-invalid={wiring.errors.length ? true : undefined}
                aria-describedby={wiring.errors.length ? wiring.errorId : undefined}
                className="mt-0.5 size-4 accent-brand-600"
              />
              <span>
                {o.label}
                {o.description ? <span className="block text-xs text-ink-muted">{o.description}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
    </Frame>
  );
}
