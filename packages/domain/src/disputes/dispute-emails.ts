import { type EmailKey, emailText } from "@settle/i18n/emails";
import { matchPortalLocale } from "../base/portal-locales.ts";
import type { DisputeOutcome } from "../db/generated/enums.ts";
import type { EnqueueEmailInput } from "../email/enqueue-email.ts";
import { formatMoney } from "../money/money.ts";

export type CustomerDisputeEvent =
  | "OPEN"
  | "UNDER_REVIEW"
  | "RESOLVED"
  | "RESOLVED_INVALID"
  | "WITHDRAWN"
  | "REPLY";

export interface CustomerDisputeEmailInput {
  event: CustomerDisputeEvent;
  to: string;
  name: string | null;
  locale: string;
  disputeLabel: string;
  invoiceNumber: string;
  currency: string;
  disputedAmount: bigint;
  deadline?: Date;
  /** RESOLVED: the credit and its memo; RESOLVED and RESOLVED_INVALID: what is open now. */
  creditAmount?: bigint;
  creditMemoNumber?: string;
  invoiceOpenAmount?: bigint;
  /** RESOLVED_INVALID: the explanation; REPLY: the message. */
  text?: string;
}

/** A dispute's news for the customer, in their language (plain text: their words stay text). */
export function customerDisputeEmail(input: CustomerDisputeEmailInput): EnqueueEmailInput {
  const locale = matchPortalLocale(input.locale) ?? "en";
  const money = (amount: bigint) => formatMoney(amount, input.currency, locale);
  const ids = { dispute: input.disputeLabel, invoice: input.invoiceNumber };
  const t = (key: EmailKey, values?: Record<string, string>) => emailText(locale, key, { ...ids, ...values });
  const body: string[] = [];
  switch (input.event) {
    case "OPEN": {
      const deadline = input.deadline
        ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(input.deadline)
        : "";
      body.push(t("dispute.received", { amount: money(input.disputedAmount), deadline }));
      break;
    }
    case "UNDER_REVIEW":
      body.push(t("dispute.underReview"));
      break;
    case "RESOLVED": {
      const credit = { credit: money(input.creditAmount ?? 0n), memo: input.creditMemoNumber ?? "" };
      body.push(
        input.creditAmount !== undefined && input.creditAmount < input.disputedAmount
          ? t("dispute.acceptedPartly", { ...credit, disputed: money(input.disputedAmount) })
          : t("dispute.accepted", credit),
      );
      if (input.invoiceOpenAmount !== undefined)
        body.push(t("dispute.nowOpen", { open: money(input.invoiceOpenAmount) }));
      if (input.text) body.push("", t("dispute.explanation"), input.text);
      break;
    }
    case "RESOLVED_INVALID":
      body.push(t("dispute.rejected"), "", t("dispute.explanation"), input.text ?? "");
      if (input.invoiceOpenAmount !== undefined)
        body.push("", t("dispute.dueAgain", { open: money(input.invoiceOpenAmount) }));
      break;
    case "WITHDRAWN":
      body.push(t("dispute.withdrawn"));
      break;
    case "REPLY":
      body.push(t("dispute.reply"), "", input.text ?? "");
      break;
  }
  const lines = [t("greeting", { name: input.name ?? "" }), "", ...body, "", t("dispute.closing")];
  return {
    to: input.to,
    subject: t(`dispute.subject.${input.event}`),
    text: lines.join("\n"),
    category: `dispute.${input.event.toLowerCase().replace(/_/g, "-")}`,
  };
}

export type StaffDisputeEvent = "ASSIGNED" | "CUSTOMER_REPLY" | "ESCALATED" | "APPROVAL_NEEDED";

export interface StaffDisputeEmailInput {
  event: StaffDisputeEvent;
  to: string;
  disputeLabel: string;
  customerName: string;
  accountNumber: string;
  invoiceNumber: string;
  currency: string;
  amount: bigint;
  deadline: Date;
  ownerName?: string | null;
  departmentName?: string | null;
  /** CUSTOMER_REPLY: the customer's message. */
  text?: string;
  /** APPROVAL_NEEDED: what the analyst proposed. */
  proposal?: { outcome: DisputeOutcome; creditAmount: bigint };
  /** The recipient staff member's language (staff_user.locale); English when absent. */
  locale?: string | null;
}

type StaffKey = EmailKey extends infer K ? (K extends `disputeStaff.${infer Rest}` ? Rest : never) : never;

/** Notices for staff, in the recipient's language (English for a department mailbox). */
export function staffDisputeEmail(input: StaffDisputeEmailInput): EnqueueEmailInput {
  const locale = matchPortalLocale(input.locale) ?? "en";
  const money = (value: bigint) => formatMoney(value, input.currency, locale === "en" ? "en-US" : locale);
  const amount = money(input.amount);
  const date = input.deadline.toISOString().slice(0, 10);
  const t = (key: StaffKey, values?: Record<string, string>) =>
    emailText(locale, `disputeStaff.${key}`, values);
  const what = t("what", {
    dispute: input.disputeLabel,
    invoice: input.invoiceNumber,
    customer: input.customerName,
    account: input.accountNumber,
    amount,
  });
  const subject = t(`subject.${input.event}`, {
    dispute: input.disputeLabel,
    customer: input.customerName,
    amount,
  });
  const owner = [input.ownerName, input.departmentName].filter(Boolean).join(", ") || t("nobody");
  const body: Record<StaffDisputeEvent, () => string[]> = {
    ASSIGNED: () => [t("assigned", { what, owner }), t("deadline", { date })],
    CUSTOMER_REPLY: () => [t("customerReply", { what }), "", input.text ?? ""],
    ESCALATED: () => [t("escalated", { what, date }), t("owner", { owner }), t("escalatedNote")],
    APPROVAL_NEEDED: () => [
      t("approvalNeeded", { what }),
      ...(input.proposal
        ? [
            t("proposed", {
              outcome: t(`outcomes.${input.proposal.outcome}`),
              amount: money(input.proposal.creditAmount),
            }),
          ]
        : []),
    ],
  };
  return {
    to: input.to,
    subject,
    text: body[input.event]().join("\n"),
    category: `dispute.staff-${input.event.toLowerCase().replace(/_/g, "-")}`,
  };
}
