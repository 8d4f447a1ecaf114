import { randomUUID } from "node:crypto";
import { raiseDispute } from "../../packages/domain/src/disputes/raise-dispute.ts";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createStaffUser,
} from "../../packages/domain/src/seed/factories.ts";
import { createPortalUserFor, faker } from "./data.ts";
import { getDb } from "./database.ts";

/** A tiny PDF a dispute can carry as its document. */
export const DISPUTE_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

/**
 * A legal entity whose pricing disputes the matrix routes to an analyst (a Pricing department,
 * 5 business days), a customer with an invoice of three lines (100.00, 200.00, 300.00 USD) named
 * `<item> 1` to `<item> 3`, and a portal viewer of the account. The analyst can sign in to the back
 * office with the password returned.
 */
export async function createDisputeBook(options: { company: string; item: string }) {
  const db = getDb();
  const tag = randomUUID().slice(0, 8);
  const entity = await createLegalEntity(db, { name: `${options.company} Disputes ${tag} Inc.` }, faker);
  const password = `pw-${randomUUID()}`;
  const analystEmail = `analyst-${tag}@e2e.example`;
  const analystName = `Ada Analyst ${tag}`;
  const analyst = await createStaffUser(db, {
    email: analystEmail,
    roles: ["DISPUTE_ANALYST"],
    password,
    name: analystName,
  });
  const department = await db.department.create({ data: { code: `PRICING-${tag}`, name: `Pricing ${tag}` } });
  await db.disputeRule.create({
    data: {
      reason: "PRICING",
      legalEntityId: entity.id,
      departmentId: department.id,
      ownerId: analyst.id,
      deadlineDays: 5,
    },
  });
  const customer = await createCustomer(db, {
    legalEntityId: entity.id,
    name: `${options.company} ${tag} Ltd`,
    faker,
  });
  const invoice = await createInvoiceForCustomer(
    db,
    customer.id,
    {
      number: `INV-${options.company.slice(0, 3).toUpperCase()}-${tag}`,
      lines: [100_00n, 200_00n, 300_00n].map((unitPrice, i) => ({
        description: `${options.item} ${i + 1}`,
        quantityMilli: 1000n,
        unitPrice,
        taxRateBp: 0,
      })),
    },
    faker,
  );
  const { email } = await createPortalUserFor([customer], "VIEWER");
  return {
    customer,
    invoice,
    department: department.name,
    analyst: { id: analyst.id, email: analystEmail, password, name: analystName },
    email,
  };
}

/** A dispute book whose analyst raised a pricing dispute on the whole invoice (600.00 USD) by e-mail. */
export async function createRaisedDispute(options: { company: string; item: string }) {
  const book = await createDisputeBook(options);
  const dispute = await raiseDispute(
    {
      customerId: book.customer.id,
      invoiceId: book.invoice.id,
      scope: "WHOLE",
      reason: "PRICING",
      description: "The unit prices are above the contract.",
      channel: "EMAIL",
      idempotencyKey: randomUUID(),
    },
    { kind: "staff", userId: book.analyst.id, roles: ["DISPUTE_ANALYST"] },
  );
  return { ...book, dispute };
}
