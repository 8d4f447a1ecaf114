import { type Actor, actorId, canReadCustomer } from "../actor.ts";
import type { Prisma, Tx } from "../db/client.ts";
import type { DisputeStatus } from "../db/generated/enums.ts";
import { enqueueEmail } from "../email/enqueue-email.ts";
import { DomainError } from "../errors.ts";
import { departmentName, type StoredDepartmentName } from "./department-names.ts";
import {
  type CustomerDisputeEvent,
  customerDisputeEmail,
  type StaffDisputeEmailInput,
  type StaffDisputeEvent,
  staffDisputeEmail,
} from "./dispute-emails.ts";
import { disputeLabel, UUID_RE } from "./dispute-forms.ts";

/** What the commands need of a dispute, read under its row lock. */
export interface LockedDispute {
  id: string;
  number: number;
  label: string;
  customerId: string;
  invoiceId: string;
  legalEntityId: string;
  status: DisputeStatus;
  scope: string;
  currency: string;
  amount: bigint;
  ownerId: string | null;
  departmentId: string | null;
  deadline: Date;
  outcome: "VALID" | "PARTIAL" | "INVALID" | null;
  creditAmount: bigint | null;
  rootCause: string | null;
  resolutionNote: string | null;
  decidedById: string | null;
  creditMemoItemId: string | null;
  notifyEmail: string | null;
  notifyName: string | null;
  locale: string;
  invoiceNumber: string;
  customerName: string;
  accountNumber: string;
}

/**
 * Locks the dispute row FOR UPDATE (commands on one dispute run one at a time) and checks the
 * actor may see it: a malformed, unknown or other customer's dispute is NOT_FOUND alike.
 */
export async function lockDispute(t: Tx, disputeId: string, actor: Actor): Promise<LockedDispute> {
  if (!UUID_RE.test(disputeId)) throw new DomainError("NOT_FOUND", "Dispute not found.");
  const [row] = await t.$queryRaw<{ id: string; customer_id: string }[]>`
    SELECT id, customer_id FROM dispute WHERE id = ${disputeId.toLowerCase()}::uuid FOR UPDATE`;
  if (!row || !canReadCustomer(actor, row.customer_id))
    throw new DomainError("NOT_FOUND", "Dispute not found.");
  const d = await t.dispute.findUniqueOrThrow({
    where: { id: row.id },
    include: {
      invoice: { select: { number: true } },
      customer: { select: { name: true, accountNumber: true } },
    },
  });
  return {
    id: d.id,
    number: d.number,
    label: disputeLabel(d.number),
    customerId: d.customerId,
    invoiceId: d.invoiceId,
    legalEntityId: d.legalEntityId,
    status: d.status,
    scope: d.scope,
    currency: d.currency.trim(),
    amount: d.amount,
    ownerId: d.ownerId,
    departmentId: d.departmentId,
    deadline: d.deadline,
    outcome: d.outcome,
    creditAmount: d.creditAmount,
    rootCause: d.rootCause,
    resolutionNote: d.resolutionNote,
    decidedById: d.decidedById,
    creditMemoItemId: d.creditMemoItemId,
    notifyEmail: d.notifyEmail,
    notifyName: d.notifyName,
    locale: d.locale,
    invoiceNumber: d.invoice.number,
    customerName: d.customer.name,
    accountNumber: d.customer.accountNumber,
  };
}

/**
 * Closes a dispute with its final status and frees its invoice and lines for a new dispute, in
 * one update (a CHECK keeps the invoice hold only on open disputes).
 */
export async function closeDispute(
  t: Tx,
  disputeId: string,
  data: { status: DisputeStatus } & Prisma.DisputeUpdateInput,
): Promise<void> {
  await t.dispute.update({
    where: { id: disputeId },
    data: { ...data, openInvoiceKey: null, closedAt: new Date() },
  });
  await t.disputeLine.updateMany({ where: { disputeId }, data: { openLineKey: null } });
}

/** The customer's e-mail about the dispute, in the outbox of the same transaction. */
export async function notifyCustomer(
  t: Tx,
  dispute: LockedDispute,
  event: CustomerDisputeEvent,
  extra: {
    creditAmount?: bigint;
    creditMemoNumber?: string;
    invoiceOpenAmount?: bigint;
    text?: string;
    deadline?: Date;
  } = {},
): Promise<void> {
  if (!dispute.notifyEmail) return;
  await enqueueEmail(
    t,
    customerDisputeEmail({
      event,
      to: dispute.notifyEmail,
      name: dispute.notifyName,
      locale: dispute.locale,
      disputeLabel: dispute.label,
      invoiceNumber: dispute.invoiceNumber,
      currency: dispute.currency,
      disputedAmount: dispute.amount,
      deadline: extra.deadline ?? dispute.deadline,
      ...extra,
    }),
  );
}

/**
 * Who a staff notice goes to: an address and the language to write in, read with the recipient
 * (a staff member's own choice; null for a department mailbox or no choice: English).
 */
export interface StaffRecipient {
  email: string;
  locale: string | null;
}

/** E-mails each address once (owner, department mailbox, managers…) about the dispute, each in its language. */
export async function notifyStaff(
  t: Tx,
  dispute: LockedDispute,
  event: StaffDisputeEvent,
  recipients: readonly (StaffRecipient | null)[],
  extra: Pick<StaffDisputeEmailInput, "ownerName" | "text" | "proposal"> & {
    /** The department working on it, named in each recipient's language. */
    department?: StoredDepartmentName | null;
  } = {},
): Promise<number> {
  const { department, ...words } = extra;
  const unique = new Map<string, string | null>();
  for (const recipient of recipients) {
    if (!recipient) continue;
    const to = recipient.email.toLowerCase();
    // An address that is both a person's and a mailbox goes once, in the person's language.
    unique.set(to, unique.get(to) ?? recipient.locale);
  }
  for (const [to, locale] of unique) {
    await enqueueEmail(
      t,
      staffDisputeEmail({
        event,
        to,
        locale,
        disputeLabel: dispute.label,
        customerName: dispute.customerName,
        accountNumber: dispute.accountNumber,
        invoiceNumber: dispute.invoiceNumber,
        currency: dispute.currency,
        amount: dispute.amount,
        deadline: dispute.deadline,
        ...words,
        departmentName: department ? departmentName(department, locale) : null,
      }),
    );
  }
  return unique.size;
}

/** The author's name as shown in the thread, kept on the message as it was. */
export async function authorName(t: Tx, actor: Actor): Promise<string> {
  if (actor.kind === "system") return "Settle";
  const user =
    actor.kind === "staff"
      ? await t.staffUser.findUnique({ where: { id: actor.userId }, select: { name: true } })
      : await t.portalUser.findUnique({ where: { id: actor.userId }, select: { name: true } });
  return user?.name ?? actorId(actor);
}

/** Active staff with the AR manager role, each with their language (escalations and approvals go to them). */
export async function arManagers(t: Tx): Promise<StaffRecipient[]> {
  return t.staffUser.findMany({
    where: { active: true, roles: { has: "AR_MANAGER" } },
    select: { email: true, locale: true },
  });
}

/** Owner and department names for notices, and whom to write: an active owner in their language, the department's mailbox. */
export async function ownerContacts(t: Tx, ownerId: string | null, departmentId: string | null) {
  const [owner, department] = await Promise.all([
    ownerId
      ? t.staffUser.findUnique({
          where: { id: ownerId },
          select: { name: true, email: true, locale: true, active: true },
        })
      : null,
    departmentId
      ? t.department.findUnique({
          where: { id: departmentId },
          select: { name: true, nameTranslations: true, email: true },
        })
      : null,
  ]);
  return {
    ownerName: owner?.name ?? null,
    owner: owner?.active ? { email: owner.email, locale: owner.locale } : null,
    department,
    mailbox: department?.email ? { email: department.email, locale: null } : null,
  };
}
