import { cx } from "./cx.ts";

/**
 * An address as it is stored: the lines the ERP wrote, already in the country's order (postcode
 * before the city in Germany or Brazil, after the state in the United States), so they are shown
 * one per line and never recomposed. Each line (and the name above them) is its own isolate, so a
 * Latin address inside an Arabic page keeps its order (numbers, commas, "Corp.") while the block
 * stays aligned with the page.
 */
export function Address({
  name,
  nameClassName,
  lines,
  className,
}: {
  /** Who is at the address (a company or remit-to name), shown first. */
  name?: string;
  nameClassName?: string;
  lines: readonly string[];
  className?: string;
}) {
  return (
    <address className={cx("not-italic", className)}>
      {name ? (
        <span className="block">
          <bdi className={nameClassName}>{name}</bdi>
        </span>
      ) : null}
      {lines.map((line, index) => (
        // Lines can repeat (two blank-ish lines, "c/o" twice): the position is the identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: the stored lines are never reordered
        <span key={index} className="block">
          <bdi>{line}</bdi>
        </span>
      ))}
    </address>
  );
}
