import type { AccountFlagRow } from "@settle/domain/customers/list-account-flags";
import { Alert } from "@settle/ui/alert";
import { DateText } from "@settle/ui/date-text";

/** The back office's words for each kind of account flag. */
const FLAG_LABELS: Record<string, { title: string; action: string }> = {
  AUTOPAY_FAILED: {
    title: "Autopay failed",
    action:
      "The saved card was declined on every retry and autopay is off. Call the customer about the open invoices.",
  },
  CHARGEBACK: {
    title: "Chargeback",
    action: "A card payment is being disputed with the card network.",
  },
};

/** Unresolved flags on the account, shown above everything else for the collector. */
export function AccountFlagsPanel({ flags, className }: { flags: AccountFlagRow[]; className?: string }) {
  if (flags.length === 0) return null;
  return (
    <section aria-label="Account flags" className={className}>
      <ul className="space-y-3">
        {flags.map((flag) => {
          const words = FLAG_LABELS[flag.kind] ?? { title: flag.kind, action: "" };
          return (
            <li key={flag.id}>
              <Alert tone="warning" title={words.title}>
                <p>{words.action}</p>
                {flag.note ? <p className="mt-1 text-sm">{flag.note}</p> : null}
                <p className="mt-1 text-xs">
                  Raised <DateText value={flag.createdAt} />
                </p>
              </Alert>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
