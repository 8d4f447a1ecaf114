import { emailT } from "@settle/i18n/emails";
import { matchPortalLocale, type PortalLocale } from "../base/portal-locales.ts";
import type { Tx } from "../db/client.ts";
import { type EnqueueEmailInput, enqueueEmails } from "../email/enqueue-email.ts";
import { formatEmailDay, renderEmail } from "../email/render-email.ts";
import { DomainError } from "../errors.ts";
import { formatMoney } from "../money/money.ts";
import { PortalUrlSchema } from "../portal-access/invitation-policy.ts";
import { planLabel } from "./plan-forms.ts";

/**
 * The e-mails a payment plan sends its account's payers and portal administrators, each in their
 * own language (words from the catalogue's `emails` namespace, `plan.*`): the offer, a reminder
 * for a missed instalment, the plan's default and its completion. Each links to the plan's page in
 * the customer portal.
 *
 * The outbox has no key to drop a second copy of an e-mail: each enqueue function queues its
 * e-mails every time it is called, so call it once, in the transaction that makes the change it
 * tells of (the plan proposed, the instalment's remindedOn set, the plan DEFAULTED or COMPLETED).
 */

/** The plan's page in the customer portal: the offer while it stands, the plan after. */
export const paymentPlanPath = (customerId: string, planId: string) =>
  `/accounts/${customerId}/payment-plans/${planId}`;

interface PlanEmailBase {
  locale: PortalLocale;
  name: string;
  plan: string;
  account: string;
  accountNumber: string;
  currency: string;
  /** The plan's page in the portal, absolute. */
  link: string;
}

export interface PlanOfferEmailValues extends PlanEmailBase {
  total: bigint;
  downPayment: bigint;
  instalments: number;
  firstDate: Date;
  expiresOn: Date;
}

export function planOfferEmail(v: PlanOfferEmailValues) {
  const t = emailT(v.locale);
  const money = (amount: bigint) => formatMoney(amount, v.currency, v.locale);
  const facts = [
    t("plan.offer.total", { amount: money(v.total) }),
    ...(v.downPayment > 0n ? [t("plan.offer.downPayment", { amount: money(v.downPayment) })] : []),
    t("plan.offer.instalments", { count: v.instalments }),
    t("plan.offer.first", { date: formatEmailDay(v.firstDate, v.locale) }),
  ];
  return renderEmail(v.locale, t("plan.offer.subject", { plan: v.plan }), [
    { text: t("greeting", { name: v.name }) },
    {
      text: t("plan.offer.intro", { account: v.account, accountNumber: v.accountNumber, plan: v.plan }),
    },
    { lines: facts },
    { link: v.link, label: t("plan.offer.action") },
    { text: t("plan.offer.expiry", { date: formatEmailDay(v.expiresOn, v.locale) }) },
  ]);
}

export interface PlanReminderEmailValues extends PlanEmailBase {
  amount: bigint;
  dueDate: Date;
}

export function planReminderEmail(v: PlanReminderEmailValues) {
  const t = emailT(v.locale);
  const amount = formatMoney(v.amount, v.currency, v.locale);
  return renderEmail(v.locale, t("plan.reminder.subject", { plan: v.plan, amount }), [
    { text: t("greeting", { name: v.name }) },
    {
      text: t("plan.reminder.missed", {
        amount,
        date: formatEmailDay(v.dueDate, v.locale),
        plan: v.plan,
        account: v.account,
      }),
    },
    { text: t("plan.reminder.pay") },
    { link: v.link, label: t("plan.reminder.action") },
  ]);
}

export function planDefaultedEmail(v: PlanEmailBase) {
  const t = emailT(v.locale);
  return renderEmail(v.locale, t("plan.defaulted.subject", { plan: v.plan }), [
    { text: t("greeting", { name: v.name }) },
    { text: t("plan.defaulted.ended", { plan: v.plan, account: v.account }) },
    { text: t("plan.defaulted.normal") },
    { link: v.link, label: t("plan.defaulted.action") },
  ]);
}

export function planCompletedEmail(v: PlanEmailBase) {
  const t = emailT(v.locale);
  return renderEmail(v.locale, t("plan.completed.subject", { plan: v.plan }), [
    { text: t("greeting", { name: v.name }) },
    { text: t("plan.completed.thanks", { plan: v.plan, account: v.account }) },
    { link: v.link, label: t("plan.completed.action") },
  ]);
}

type PlanFacts = Awaited<ReturnType<typeof readPlan>>;

async function readPlan(tx: Tx, planId: string) {
  const plan = await tx.paymentPlan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      number: true,
      customerId: true,
      currency: true,
      covered: true,
      fee: true,
      downPayment: true,
      instalmentCount: true,
      expiresOn: true,
      customer: { select: { name: true, accountNumber: true } },
      instalments: { select: { dueDate: true }, orderBy: { sequence: "asc" }, take: 1 },
    },
  });
  if (!plan) throw new DomainError("NOT_FOUND", "Payment plan not found.");
  return plan;
}

/**
 * Queues one e-mail per active payer and administrator of the plan's account, written by `write`
 * in each one's language. Returns how many were queued.
 */
async function sendToPayers(
  tx: Tx,
  plan: PlanFacts,
  portalUrl: string | URL,
  category: string,
  write: (base: PlanEmailBase) => { subject: string; text: string; html: string },
): Promise<number> {
  const link = new URL(paymentPlanPath(plan.customerId, plan.id), PortalUrlSchema.parse(portalUrl)).href;
  const payers = await tx.portalMembership.findMany({
    where: { customerId: plan.customerId, role: { in: ["PAYER", "ADMIN"] }, portalUser: { active: true } },
    select: { portalUser: { select: { email: true, name: true, locale: true } } },
    orderBy: { createdAt: "asc" },
  });
  const mails: EnqueueEmailInput[] = payers.map(({ portalUser: u }) => ({
    to: u.email,
    ...write({
      locale: matchPortalLocale(u.locale) ?? "en",
      name: u.name,
      plan: planLabel(plan.number),
      account: plan.customer.name,
      accountNumber: plan.customer.accountNumber,
      currency: plan.currency.trim(),
      link,
    }),
    category,
  }));
  await enqueueEmails(tx, mails);
  return mails.length;
}

/** The offer, when a plan is proposed: what it covers in all, the instalments, the first date, the expiry. */
export async function enqueuePlanOfferEmails(
  tx: Tx,
  planId: string,
  options: { portalUrl: string | URL },
): Promise<number> {
  const plan = await readPlan(tx, planId);
  const firstDate = plan.instalments[0]?.dueDate;
  if (!firstDate) throw new DomainError("CONFLICT", "The plan has no schedule.");
  return sendToPayers(tx, plan, options.portalUrl, "portal.plan-offer", (base) =>
    planOfferEmail({
      ...base,
      total: plan.covered + plan.fee,
      downPayment: plan.downPayment,
      instalments: plan.instalmentCount,
      firstDate,
      expiresOn: plan.expiresOn,
    }),
  );
}

/** A missed instalment, once its grace has passed: what is due and since when. */
export async function enqueuePlanReminderEmails(
  tx: Tx,
  planId: string,
  instalmentId: string,
  options: { portalUrl: string | URL },
): Promise<number> {
  const plan = await readPlan(tx, planId);
  const instalment = await tx.paymentPlanInstalment.findFirst({
    where: { id: instalmentId, planId },
    select: { amount: true, paidAmount: true, dueDate: true },
  });
  if (!instalment) throw new DomainError("NOT_FOUND", "Instalment not found.");
  return sendToPayers(tx, plan, options.portalUrl, "portal.plan-reminder", (base) =>
    planReminderEmail({
      ...base,
      amount: instalment.amount - instalment.paidAmount,
      dueDate: instalment.dueDate,
    }),
  );
}

/** The plan defaulted: it ended, and its invoices are collected as usual again. */
export async function enqueuePlanDefaultedEmails(
  tx: Tx,
  planId: string,
  options: { portalUrl: string | URL },
): Promise<number> {
  const plan = await readPlan(tx, planId);
  return sendToPayers(tx, plan, options.portalUrl, "portal.plan-defaulted", planDefaultedEmail);
}

/** Every payment made: thank you. */
export async function enqueuePlanCompletedEmails(
  tx: Tx,
  planId: string,
  options: { portalUrl: string | URL },
): Promise<number> {
  const plan = await readPlan(tx, planId);
  return sendToPayers(tx, plan, options.portalUrl, "portal.plan-completed", planCompletedEmail);
}
