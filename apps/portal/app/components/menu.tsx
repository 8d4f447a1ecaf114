import { type ReactNode, useEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * A disclosure menu on <details>/<summary>: opens and closes with keyboard and without
 * JavaScript; with JavaScript it also closes on Escape, on a click outside and after navigating.
 */
export function Menu({
  summary,
  label,
  align = "right",
  className,
  children,
}: {
  summary: ReactNode;
  label: string;
  /** Which edge of the summary the panel lines up with. */
  align?: "left" | "right";
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const { key } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is a reaction to each navigation (key changes)
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [key]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target))
        details.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const details = ref.current;
      if (event.key === "Escape" && details?.open) {
        details.open = false;
        details.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);

  return (
    <details ref={ref} className={`group relative min-w-0 ${className ?? ""}`}>
      <summary
        aria-label={label}
        className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-2.5 py-1.5 text-sm hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
      >
        {summary}
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
          className="size-4 text-ink-faint transition-transform group-open:rotate-180"
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
        className={`absolute ${align === "left" ? "left-0" : "right-0"} z-30 mt-2 w-80 max-w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-line bg-surface shadow-lg`}
      >
        {children}
      </div>
    </details>
  );
}
