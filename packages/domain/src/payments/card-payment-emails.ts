import { emailT } from "@settle/i18n/emails";
import { matchPortalLocale } from "../base/portal-locales.ts";
import type { EnqueueEmailInput } from "../email/enqueue-email.ts";
import { formatMoney } from "../money/money.ts";

export interface ReceiptEmailInput {
  to: string;
  name: string;
  locale: string;
  customerName: string;
  accountNumber: string;
  receiptNumber: string;
  /** The PAYMENT item: the worker renders the receipt PDF from it when it sends. */
  paymentItemId: string;
  amount: bigint;
  currency: string;
  paidAt: Date;
  cardLabel: string | null;
  invoices: { number: string; amount: bigint }[];
}

const longDates = new Map<string, Intl.DateTimeFormat>();
/** Formatters are costly to make and the worker writes receipts in batches: one per language. */
function longDate(locale: string): Intl.DateTimeFormat {
  let format = longDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    longDates.set(locale, format);
  }
  return format;
}

/** The card payment receipt, in the payer's language, with the receipt PDF attached. */
export function receiptEmail(input: ReceiptEmailInput): EnqueueEmailInput {
  const locale = matchPortalLocale(input.locale) ?? "en";
  const t = emailT(locale);
  const money = (amount: bigint) => formatMoney(amount, input.currency, locale);
  const total = money(input.amount);
  const date = longDate(locale).format(input.paidAt);
  const lines = [
    t("greeting", { name: input.name }),
    "",
    t("receipt.thanks", { amount: total, account: `${input.customerName} (${input.accountNumber})` }),
    "",
    `${t("receipt.receipt")}: ${input.receiptNumber}`,
    `${t("receipt.date")}: ${date}`,
    ...(input.cardLabel ? [`${t("receipt.card")}: ${input.cardLabel}`] : []),
    `${t("receipt.applied")}:`,
    ...input.invoices.map((i) => `  ${i.number}: ${money(i.amount)}`),
    "",
    t("receipt.closing"),
  ];
  return {
    to: input.to,
    subject: t("receipt.subject", { amount: total, account: input.accountNumber }),
    text: lines.join("\n"),
    attachments: [
      {
        kind: "card-receipt",
        id: input.paymentItemId,
        locale,
        filename: `receipt-${input.receiptNumber.replace(/[^\w.-]+/g, "-")}.pdf`,
      },
    ],
    category: "portal.payment-receipt",
  };
}
