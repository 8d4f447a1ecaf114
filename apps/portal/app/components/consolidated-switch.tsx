/**
 * A parent account's "include child accounts" box on a GET filter form (statement, invoices).
 * Unchecked boxes send nothing, so a hidden "0" before it says "not consolidated": the default,
 * when nothing is said, is consolidated.
 */
export function ConsolidatedSwitch({
  checked,
  label,
  className,
}: {
  checked: boolean;
  label: string;
  className: string;
}) {
  return (
    <label className={`inline-flex items-center gap-2 text-sm text-ink ${className}`}>
      <input type="hidden" name="consolidated" value="0" />
      <input
        type="checkbox"
        name="consolidated"
        value="1"
        defaultChecked={checked}
        className="size-4 accent-brand-600"
      />
      {label}
    </label>
  );
}
