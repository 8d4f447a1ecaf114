import type { AccountFlagRow } from "@settle/domain/customers/list-account-flags";
import { Alert } from "@settle/ui/alert";
import { DateText } from "@settle/ui/date-text";
import { Trans } from "react-i18next";
import { useTranslation } from "../../i18n/use-translation.ts";

/** The kinds of account flag the catalogue has words for (flags.<kind>.title and .action). */
const WORDED = new Set(["AUTOPAY_FAILED", "CHARGEBACK"]);

/** Unresolved flags on the account, shown above everything else for the collector. */
export function AccountFlagsPanel({ flags, className }: { flags: AccountFlagRow[]; className?: string }) {
  const { t } = useTranslation("customer-account");
  if (flags.length === 0) return null;
  return (
    <section aria-label={t("flags.label")} className={className}>
      <ul className="space-y-3">
        {flags.map((flag) => {
          const worded = WORDED.has(flag.kind);
          return (
            <li key={flag.id}>
              <Alert tone="warning" title={worded ? t(`flags.${flag.kind}.title`) : flag.kind}>
                {worded ? <p>{t(`flags.${flag.kind}.action`)}</p> : null}
                {flag.note ? <p className="mt-1 text-sm">{flag.note}</p> : null}
                <p className="mt-1 text-xs">
                  <Trans
                    t={t}
                    i18nKey="flags.raised"
                    components={[<DateText key="date" value={flag.createdAt} />]}
                  />
                </p>
              </Alert>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
