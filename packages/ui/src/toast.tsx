import { useEffect, useState } from "react";
import { cx } from "./cx.ts";
import { Icon } from "./icon.tsx";

/**
 * The result of an action, said once in a live region at the corner of the page: a success
 * fades after a few seconds, a refusal stays until dismissed. Rendered by the server too, so a
 * form posted without JavaScript shows it on the page it lands on. `id` changes with each new
 * result (the same message twice is two toasts).
 */
export function Toast({
  message,
  tone = "success",
  dismiss,
  id,
  seconds = 6,
}: {
  message: string | null | undefined;
  tone?: "success" | "danger";
  /** The dismiss button's accessible name. */
  dismiss: string;
  id?: string | number;
  seconds?: number;
}) {
  const [hidden, setHidden] = useState<string | number | undefined | null>(null);
  const key = id ?? message;
  useEffect(() => {
    if (!message || tone !== "success") return;
    const timer = setTimeout(() => setHidden(key), seconds * 1000);
    return () => clearTimeout(timer);
  }, [key, message, tone, seconds]);
  const visible = !!message && hidden !== key;
  return (
    <div
      aria-live={tone === "danger" ? "assertive" : "polite"}
      className="fixed end-4 bottom-4 z-50 max-w-sm"
    >
      {visible ? (
        <div
          role={tone === "danger" ? "alert" : "status"}
          className={cx(
            "flex items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg",
            tone === "danger"
              ? "border-red-200 bg-red-50 text-red-900"
              : "border-emerald-200 bg-emerald-50 text-emerald-900",
          )}
        >
          <p className="flex-1">{message}</p>
          <button
            type="button"
            onClick={() => setHidden(key)}
            className="-me-1 rounded p-0.5 hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <Icon name="x" label={dismiss} className="size-4" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
