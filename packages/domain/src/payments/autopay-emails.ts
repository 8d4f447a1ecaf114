import { emailT } from "@settle/i18n/emails";
import { matchPortalLocale } from "../base/portal-locales.ts";
import type { Tx } from "../db/client.ts";
import { type EnqueueEmailInput, enqueueEmail } from "../email/enqueue-email.ts";
import { formatMoney } from "../money/money.ts";

export interface AutopayFailureEmailInput {
  to: string;
  name: string;
  locale: string;
  accountNumber: string;
  amount: bigint;
  currency: string;
  cardLabel: string;
  failureCode: string;
  /** The next try, or null after the last one. */
  nextRetryAt: Date | null;
}

/** Told to each payer of the account when an autopay charge fails, in their language. */
export function autopayFailureEmail(input: AutopayFailureEmailInput): EnqueueEmailInput {
  const locale = matchPortalLocale(input.locale) ?? "en";
  const t = emailT(locale);
  const reason = t(
    input.failureCode === "authentication_required"
      ? "autopayFailure.authentication"
      : "autopayFailure.declined",
  );
  const next = input.nextRetryAt
    ? t("autopayFailure.nextTry", {
        date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
          input.nextRetryAt,
        ),
      })
    : t("autopayFailure.lastTry");
  const amount = formatMoney(input.amount, input.currency, locale);
  return {
    to: input.to,
    subject: t("autopayFailure.subject", { account: input.accountNumber }),
    text: [
      t("greeting", { name: input.name }),
      "",
      t("autopayFailure.failed", { amount, card: input.cardLabel, account: input.accountNumber }),
      reason,
      t("autopayFailure.closing"),
      "",
      next,
    ].join("\n"),
    category: "portal.autopay-failed",
  };
}

/**
 * An off-session charge failed (account autopay or a plan instalment): each active payer and
 * administrator of the account is told, in their language, in the caller's transaction.
 */
export async function enqueueAutopayFailureEmails(
  t: Tx,
  customerId: string,
  failure: Omit<AutopayFailureEmailInput, "to" | "name" | "locale">,
): Promise<void> {
  const payers = await t.portalMembership.findMany({
    where: { customerId, role: { in: ["PAYER", "ADMIN"] }, portalUser: { active: true } },
    select: { portalUser: { select: { email: true, name: true, locale: true } } },
    orderBy: { createdAt: "asc" },
  });
  for (const { portalUser } of payers) {
    await enqueueEmail(
      t,
      autopayFailureEmail({
        to: portalUser.email,
        name: portalUser.name,
        locale: portalUser.locale,
        ...failure,
      }),
    );
  }
}
