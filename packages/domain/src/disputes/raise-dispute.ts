import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { ledgerToday } from "../customers/account-balances.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError, isUniqueViolation } from "../errors.ts";
import { lockItems } from "../ledger/lock-items.ts";
import { allocate, sumAmounts, toDecimalString } from "../money/money.ts";
import { amountExample, parseTypedAmount } from "../money/typed-amount.ts";
import { type CheckedAttachment, checkAttachment } from "./attachment-type.ts";
import { type LockedDispute, notifyCustomer, notifyStaff, ownerContacts } from "./dispute-access.ts";
import {
  DISPUTE_RAISE_ROLES,
  type DisputeStatus,
  disputeLabel,
  OPEN_DISPUTE_STATUSES,
  parseInput,
  type RaiseDisputeInput,
  RaiseDisputeSchema,
  UUID_RE,
} from "./dispute-forms.ts";
import { routeDispute } from "./route-dispute.ts";

export interface RaisedDispute {
  id: string;
  number: number;
  label: string;
  status: DisputeStatus;
  currency: string;
  amount: bigint;
  ownerId: string | null;
  departmentId: string | null;
  deadline: Date;
  /** True when the same form was submitted before: this is the first submission's dispute. */
  replayed: boolean;
}

/** Documents that can be disputed: what the customer is billed. */
const DISPUTABLE_KINDS = ["INVOICE", "DEBIT_MEMO", "FEE"];

/** An amount as the person raising the dispute typed it, in their language (typed-amount.ts). */
function money(text: string, currency: string, field: string, locale: string): bigint {
  let amount: bigint;
  try {
    amount = parseTypedAmount(text, currency, locale);
  } catch {
    const example = amountExample(currency, locale);
    throw new DomainError("VALIDATION", `Enter the amount in ${currency}, like ${example}.`, {
      field,
      reason: "amount-format",
      problem: "amountFormat",
      currency,
      example,
    });
  }
  if (amount <= 0n)
    throw new DomainError("VALIDATION", "The amount must be more than zero.", {
      field,
      reason: "amount-not-positive",
    });
  return amount;
}

function conflict(open: { id: string; number: number }): DomainError {
  return new DomainError(
    "CONFLICT",
    `Dispute ${disputeLabel(open.number)} is already open for this part of the invoice.`,
    {
      disputeId: open.id,
      disputeNumber: open.number,
      label: disputeLabel(open.number),
      problem: "alreadyDisputed",
      reason: "already-disputed",
    },
  );
}

/**
 * Raises a dispute on an invoice: the whole open amount, chosen lines, or an amount, with a
 * reason, a description and documents. Any portal user of the account may raise one; staff raise
 * them on a customer's behalf (phone, e-mail, a short payment found in cash application).
 *
 * Under the invoice's row lock: the invoice must have something open; the disputed amount may not
 * exceed what is open and not already disputed; a line (or, for WHOLE and AMOUNT, the invoice)
 * already held by an open dispute is a CONFLICT naming it. The matrix assigns an owner and a
 * deadline in the legal entity's business days. Files are checked before anything is written, so
 * a rejected file stores nothing. The customer is e-mailed in their language and the owner told.
 */
export async function raiseDispute(
  rawInput: RaiseDisputeInput,
  actor: Actor,
  options: { now?: Date; tx?: Tx; locale?: string } = {},
): Promise<RaisedDispute> {
  const input = parseInput(RaiseDisputeSchema, rawInput);
  const customerId = input.customerId.toLowerCase();
  const invoiceId = input.invoiceId.toLowerCase();
  if (!UUID_RE.test(customerId) || !UUID_RE.test(invoiceId))
    throw new DomainError("NOT_FOUND", "Invoice not found.");
  if (actor.kind === "portal") {
    if (!actor.memberships.some((m) => m.customerId === customerId))
      throw new DomainError("NOT_FOUND", "Invoice not found.");
  } else {
    requireStaffRole(actor, DISPUTE_RAISE_ROLES);
    if (input.channel === "PORTAL") {
      throw new DomainError(
        "VALIDATION",
        "Say how the customer raised it: phone, e-mail or cash application.",
        { field: "channel", reason: "staff-channel" },
      );
    }
  }
  const channel = actor.kind === "portal" ? "PORTAL" : input.channel;
  // Checked before the transaction: a bad file costs no lock and stores nothing.
  const files: CheckedAttachment[] = input.attachments.map((f) => checkAttachment(f));
  const today = ledgerToday(options.now);

  try {
    return await inTransaction(options.tx, async (t) => {
      const invoice = (await lockItems(t, [invoiceId])).get(invoiceId);
      if (!invoice || invoice.customerId !== customerId || !DISPUTABLE_KINDS.includes(invoice.kind)) {
        throw new DomainError("NOT_FOUND", "Invoice not found.");
      }
      const previous = await t.dispute.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (previous) {
        if (previous.invoiceId !== invoiceId) {
          throw new DomainError("CONFLICT", "This form was already used for another dispute.", {
            reason: "form-reused",
          });
        }
        return summary(previous, true);
      }
      if (invoice.openAmount <= 0n) {
        throw new DomainError("INVALID_STATE", "This invoice is paid: nothing is left to dispute.", {
          problem: "paid",
          reason: "invoice-paid",
        });
      }
      const currency = invoice.currency;
      const open = await t.dispute.findMany({
        where: { invoiceId, status: { in: [...OPEN_DISPUTE_STATUSES] } },
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          scope: true,
          amount: true,
          lines: { select: { invoiceLineId: true } },
        },
      });
      const invoiceLines = await t.invoiceLine.findMany({
        where: { itemId: invoiceId },
        orderBy: { lineNo: "asc" },
        select: { id: true, lineNo: true, netAmount: true, taxAmount: true },
      });

      let lines: { invoiceLineId: string; amount: bigint }[] = [];
      let amount: bigint;
      if (input.scope === "WHOLE") {
        if (open[0]) throw conflict(open[0]);
        amount = invoice.openAmount;
        // Every line is held, each for its share of what is open (no cent lost).
        const totals = invoiceLines.map((l) => l.netAmount + l.taxAmount);
        if (totals.length > 0 && sumAmounts(totals) > 0n) {
          const shares = allocate(amount, totals);
          lines = invoiceLines
            .map((l, i) => ({ invoiceLineId: l.id, amount: shares[i] as bigint }))
            .filter((l) => l.amount > 0n);
        }
      } else if (input.scope === "AMOUNT") {
        const held = open.find((d) => d.scope !== "LINES");
        if (held) throw conflict(held);
        amount = money(input.amount as string, currency, "amount", options.locale ?? "en");
      } else {
        const byNo = new Map(invoiceLines.map((l) => [l.lineNo, l]));
        for (const chosen of input.lines) {
          const line = byNo.get(chosen.lineNo);
          if (!line) {
            throw new DomainError("VALIDATION", `The invoice has no line ${chosen.lineNo}.`, {
              field: "lines",
              reason: "no-such-line",
              lineNo: chosen.lineNo,
            });
          }
          const total = line.netAmount + line.taxAmount;
          const lineAmount = chosen.amount
            ? money(chosen.amount, currency, `lines.${chosen.lineNo}`, options.locale ?? "en")
            : total;
          if (lineAmount > total) {
            throw new DomainError(
              "VALIDATION",
              `Line ${chosen.lineNo} is ${toDecimalString(total, currency)} ${currency}; dispute at most that.`,
              {
                field: `lines.${chosen.lineNo}`,
                reason: "line-above-total",
                lineNo: chosen.lineNo,
                total: toDecimalString(total, currency),
                currency,
              },
            );
          }
          const holder = open.find((d) => d.lines.some((l) => l.invoiceLineId === line.id));
          if (holder) throw conflict(holder);
          lines.push({ invoiceLineId: line.id, amount: lineAmount });
        }
        amount = sumAmounts(lines.map((l) => l.amount));
      }

      const alreadyDisputed = sumAmounts(open.map((d) => d.amount));
      const available = invoice.openAmount - alreadyDisputed;
      if (amount > available) {
        throw new DomainError(
          "VALIDATION",
          `Only ${toDecimalString(available > 0n ? available : 0n, currency)} ${currency} of this invoice is open and not already disputed.`,
          {
            field: input.scope === "LINES" ? "lines" : "amount",
            available: available.toString(),
            problem: "aboveOpen",
            reason: "above-open",
            availableAmount: toDecimalString(available > 0n ? available : 0n, currency),
            currency,
          },
        );
      }

      const routing = await routeDispute(
        t,
        { reason: input.reason, legalEntityId: invoice.legalEntityId, currency, amount },
        today,
      );
      const notify = await contactFor(t, actor, customerId, input);
      const dispute = await t.dispute.create({
        data: {
          customerId,
          invoiceId,
          legalEntityId: invoice.legalEntityId,
          openInvoiceKey: input.scope === "LINES" ? null : invoiceId,
          scope: input.scope,
          currency,
          amount,
          reason: input.reason,
          description: input.description,
          status: "OPEN",
          channel,
          raisedByPortalUserId: actor.kind === "portal" ? actor.userId : null,
          raisedByStaffId: actor.kind === "staff" ? actor.userId : null,
          notifyEmail: notify.email,
          notifyName: notify.name,
          locale: notify.locale,
          ownerId: routing.ownerId,
          departmentId: routing.departmentId,
          ruleId: routing.ruleId,
          deadline: routing.deadline,
          idempotencyKey: input.idempotencyKey,
          lines: { create: lines.map((l) => ({ ...l, openLineKey: l.invoiceLineId })) },
        },
        include: {
          invoice: { select: { number: true } },
          customer: { select: { name: true, accountNumber: true } },
        },
      });
      for (const file of files) {
        await t.disputeAttachment.create({
          data: {
            disputeId: dispute.id,
            fileName: file.fileName,
            contentType: file.contentType,
            size: file.size,
            sha256: file.sha256,
            visibility: "CUSTOMER",
            uploadedByKind: actor.kind,
            uploadedById: actor.kind === "system" ? null : actor.userId,
            content: { create: { bytes: new Uint8Array(file.bytes) } },
          },
        });
      }
      await appendAudit(t, actor, {
        action: "dispute.raise",
        entityType: "dispute",
        entityId: dispute.id,
        customerId,
        after: {
          number: dispute.number,
          invoiceId,
          scope: input.scope,
          amount,
          currency,
          reason: input.reason,
          channel,
          lines: lines.length,
          attachments: files.map((f) => ({ fileName: f.fileName, sha256: f.sha256, size: f.size })),
          ownerId: routing.ownerId,
          departmentId: routing.departmentId,
          ruleId: routing.ruleId,
          deadline: routing.deadline.toISOString().slice(0, 10),
        },
      });
      const locked: LockedDispute = {
        id: dispute.id,
        number: dispute.number,
        label: disputeLabel(dispute.number),
        customerId,
        invoiceId,
        legalEntityId: invoice.legalEntityId,
        status: "OPEN",
        scope: input.scope,
        currency,
        amount,
        ownerId: routing.ownerId,
        departmentId: routing.departmentId,
        deadline: routing.deadline,
        outcome: null,
        creditAmount: null,
        rootCause: null,
        resolutionNote: null,
        decidedById: null,
        creditMemoItemId: null,
        notifyEmail: notify.email,
        notifyName: notify.name,
        locale: notify.locale,
        invoiceNumber: dispute.invoice.number,
        customerName: dispute.customer.name,
        accountNumber: dispute.customer.accountNumber,
      };
      await notifyCustomer(t, locked, "OPEN");
      const owner = await ownerContacts(t, routing.ownerId, routing.departmentId);
      await notifyStaff(t, locked, "ASSIGNED", [owner.owner], owner);
      return summary(dispute, false);
    });
  } catch (error) {
    // Two submissions racing past the checks: the unique holds let one through.
    if (isUniqueViolation(error)) {
      throw new DomainError(
        "CONFLICT",
        "A dispute for this part of the invoice was raised at the same time.",
        { problem: "alreadyDisputed", reason: "raised-meanwhile" },
      );
    }
    throw error;
  }
}

function summary(
  d: {
    id: string;
    number: number;
    status: DisputeStatus;
    currency: string;
    amount: bigint;
    ownerId: string | null;
    departmentId: string | null;
    deadline: Date;
  },
  replayed: boolean,
): RaisedDispute {
  return {
    id: d.id,
    number: d.number,
    label: disputeLabel(d.number),
    status: d.status,
    currency: d.currency.trim(),
    amount: d.amount,
    ownerId: d.ownerId,
    departmentId: d.departmentId,
    deadline: d.deadline,
    replayed,
  };
}

/**
 * Who hears about the dispute: the portal user who raised it, in their language; for staff, the
 * contact they named, or the account's primary contact, in the language they chose.
 */
async function contactFor(
  t: Tx,
  actor: Actor,
  customerId: string,
  input: { contactEmail?: string; contactName?: string; locale?: string },
): Promise<{ email: string | null; name: string | null; locale: string }> {
  if (actor.kind === "portal") {
    const user = await t.portalUser.findUnique({
      where: { id: actor.userId },
      select: { email: true, name: true, locale: true },
    });
    return { email: user?.email ?? null, name: user?.name ?? null, locale: user?.locale ?? "en" };
  }
  if (input.contactEmail) {
    return {
      email: input.contactEmail.toLowerCase(),
      name: input.contactName ?? null,
      locale: input.locale ?? "en",
    };
  }
  const primary = await t.contact.findFirst({
    where: { customerId, email: { not: null } },
    orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }],
    select: { email: true, name: true },
  });
  return { email: primary?.email ?? null, name: primary?.name ?? null, locale: input.locale ?? "en" };
}
