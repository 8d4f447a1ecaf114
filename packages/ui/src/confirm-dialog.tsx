import { type ReactNode, useId } from "react";
import { type ButtonVariant, buttonClasses } from "./button.tsx";

/**
 * A button that asks before it submits: it opens a modal dialog (the browser's own <dialog>,
 * opened with `commandfor`, so it needs no script and traps focus natively) whose confirm button
 * submits the form the trigger belongs to, or the form named by `form`, with `name`/`value` as
 * the intent. Escape and Cancel close it without submitting.
 */
export function ConfirmButton({
  children,
  title,
  body,
  confirm,
  cancel,
  name = "intent",
  value,
  form,
  variant = "danger",
  size = "md",
  disabled,
}: {
  /** The trigger's label. */
  children: ReactNode;
  title: ReactNode;
  body?: ReactNode;
  /** The confirm button's label (say what happens: "Write off 1,250.00"). */
  confirm: string;
  cancel: string;
  name?: string;
  value?: string;
  /** The id of the form to submit, when the trigger is outside it. */
  form?: string;
  variant?: ButtonVariant;
  size?: "sm" | "md";
  disabled?: boolean;
}) {
  const id = useId();
  const dialogId = `confirm-${id}`;
  const titleId = `${dialogId}-title`;
  return (
    <>
      <button
        type="button"
        // The Invoker Commands API: the browser opens the dialog as a modal, no script needed.
        {...{ commandfor: dialogId, command: "show-modal" }}
        className={buttonClasses(variant, size)}
        disabled={disabled}
      >
        {children}
      </button>
      <dialog
        id={dialogId}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-(--radius-card) border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-3 p-5">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {body ? <div className="text-sm text-ink-muted">{body}</div> : null}
        </div>
        <div className="flex justify-end gap-2 border-t border-line px-5 py-3">
          <button
            type="button"
            {...{ commandfor: dialogId, command: "close" }}
            className={buttonClasses("secondary", "md")}
          >
            {cancel}
          </button>
          <button
            type="submit"
            name={name}
            value={value}
            form={form}
            className={buttonClasses(variant, "md")}
          >
            {confirm}
          </button>
        </div>
      </dialog>
    </>
  );
}
