import { cx } from "./cx.ts";

/** Settle's mark: a white "S" stroke on the brand colour. Decorative; pair it with the name. */
export function Logo({ size = "md", className }: { size?: "md" | "lg"; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cx(
        "flex shrink-0 items-center justify-center bg-brand-600 text-white shadow-sm",
        size === "lg" ? "size-11 rounded-xl" : "size-8 rounded-lg",
        className,
      )}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className={size === "lg" ? "size-6" : "size-5"}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      >
        <path d="M17 7.5c-.8-1.5-2.6-2.5-5-2.5-3 0-5 1.5-5 3.5 0 4.5 10 2.5 10 7 0 2-2 3.5-5 3.5-2.4 0-4.2-1-5-2.5" />
      </svg>
    </span>
  );
}
