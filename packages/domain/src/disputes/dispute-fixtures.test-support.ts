import { randomUUID } from "node:crypto";
import type { PortalActor, PortalRole, StaffActor, StaffRole } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import {
  createCustomer,
  createInvoiceForCustomer,
  createPortalUser,
  createStaffUser,
} from "../seed/factories.ts";
import { raiseDispute } from "./raise-dispute.ts";
import { resolveDispute } from "./resolve-dispute.ts";

/** Test helpers shared by the dispute integration tests (not used by production code). */

export const minimalPdf = () =>
  Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");
export const minimalPng = () =>
  Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");

/** What a use case threw, as its code (or "ok" when it did not throw). */
export async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "ok";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code;
  }
}

export async function caught(run: Promise<unknown>): Promise<DomainError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

/** An active staff member with these roles; `locale`: the language they chose on their account page. */
export async function staff(
  roles: StaffRole[],
  name = "Sam Staff",
  locale: string | null = null,
): Promise<StaffActor & { email: string }> {
  const email = `staff-${randomUUID().slice(0, 8)}@supplier.example`;
  const user = await createStaffUser(getDb(), { email, roles, passwordHash: "not-used", name });
  if (locale) await getDb().staffUser.update({ where: { id: user.id }, data: { locale } });
  return { kind: "staff", userId: user.id, roles, email };
}

export async function portalUser(
  customerId: string,
  role: PortalRole = "VIEWER",
  locale = "en",
): Promise<PortalActor & { email: string }> {
  const email = `ap-${randomUUID().slice(0, 8)}@customer.example`;
  const user = await createPortalUser(getDb(), { email, locale, memberships: [{ customerId, role }] });
  return { kind: "portal", userId: user.id, memberships: [{ customerId, role }], email };
}

/** A customer of the legal entity with one invoice of three lines: 100.00, 200.00 and 300.00 USD. */
export async function customerWithInvoice(legalEntityId: string) {
  const db = getDb();
  const customer = await createCustomer(db, { legalEntityId });
  const invoice = await createInvoiceForCustomer(db, customer.id, {
    lines: [100_00n, 200_00n, 300_00n].map((unitPrice, i) => ({
      description: `Item ${i + 1}`,
      quantityMilli: 1000n,
      unitPrice,
      taxRateBp: 0,
    })),
  });
  return { customerId: customer.id, invoiceId: invoice.id, invoiceNumber: invoice.number };
}

export const key = () => `dispute-form-${randomUUID()}`;

export async function outboxTo(to: string) {
  return getDb().outboxEmail.findMany({
    where: { toAddress: to.toLowerCase() },
    orderBy: { createdAt: "asc" },
    select: { subject: true, textBody: true, category: true },
  });
}

/**
 * A portal payer's dispute of lines 2 and 3 (500.00) of a new invoice of the legal entity, which
 * `analyst` resolves valid: with the entity's currency approval amount below 500.00, it waits for
 * a second staff member (PENDING_APPROVAL).
 */
export async function disputeCreditAwaitingApproval(legalEntityId: string, analyst: StaffActor) {
  const fixture = await customerWithInvoice(legalEntityId);
  const raised = await raiseDispute(
    {
      customerId: fixture.customerId,
      invoiceId: fixture.invoiceId,
      scope: "LINES",
      lines: [{ lineNo: 2 }, { lineNo: 3 }],
      reason: "PRICING",
      description: "Prices above contract.",
      attachments: [{ fileName: "contract.pdf", bytes: minimalPdf() }],
      idempotencyKey: key(),
    },
    await portalUser(fixture.customerId, "PAYER"),
  );
  await resolveDispute(
    { disputeId: raised.id, outcome: "VALID", rootCause: "PRICING_ERROR", explanation: "Contract price." },
    analyst,
  );
  return { ...fixture, disputeId: raised.id, label: raised.label };
}
