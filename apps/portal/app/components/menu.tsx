import { type ReactNode, useEffect, useRef } from "react";
import { useLocation } from "react-router";

/** The look of an entry in a menu panel (links and buttons alike). */
export const menuItemClass =
  "flex w-full items-center gap-3 px-4 py-2.5 text-start text-sm text-ink hover:bg-slate-50 focus-visible:bg-slate-50";

/**
 * A disclosure menu on <details>/<summary>: opens and closes with keyboard and without
 * JavaScript; with JavaScript it also closes on Escape, on a click outside, when focus leaves it
 * and after navigating. The summary's content is its accessible name, so it must say what the
 * menu is (visually hidden words where the visible ones are not enough), never an aria-label
 * that would hide what sighted users read.
 */
export function Menu({
  summary,
  align = "end",
  className,
  panelClassName = "w-80",
  children,
}: {
  summary: ReactNode;
  /** Which edge of the summary the panel lines up with (start is left in English, right in Arabic). */
  align?: "start" | "end";
  className?: string;
  panelClassName?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const { key } = useLocation();
  const shownKey = useRef(key);

  // Closes after each navigation, but not on hydration: a menu opened before the scripts ran
  // stays open.
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    if (ref.current) ref.current.open = false;
  }, [key]);

  useEffect(() => {
    const details = ref.current;
    const onPointerDown = (event: PointerEvent) => {
      if (details?.open && event.target instanceof Node && !details.contains(event.target))
        details.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && details?.open) {
        details.open = false;
        details.querySelector("summary")?.focus();
      }
    };
    // Tabbing past the last entry closes the panel instead of leaving it over the page.
    const onFocusOut = (event: FocusEvent) => {
      if (details?.open && event.relatedTarget instanceof Node && !details.contains(event.relatedTarget))
        details.open = false;
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    details?.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
      details?.removeEventListener("focusout", onFocusOut);
    };
  }, []);

  return (
    <details ref={ref} className={`group relative min-w-0 ${className ?? ""}`}>
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-2.5 py-1.5 text-sm hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        {summary}
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
          className="size-4 shrink-0 text-ink-faint transition-transform group-open:rotate-180"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="m6 9 6 6 6-6" />
        </svg>
      </summary>
      <div
        className={`absolute ${align === "start" ? "start-0" : "end-0"} z-30 mt-2 max-w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-line bg-surface shadow-lg ${panelClassName}`}
      >
        {children}
      </div>
    </details>
  );
}
