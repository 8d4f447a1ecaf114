/**
 * Test data for e2e specs, written through the domain's own factories and use cases into the e2e
 * database (support/database.ts points the domain at it). Every call creates fresh, uniquely
 * named records, so specs never depend on each other.
 */
import { randomUUID } from "node:crypto";
import type { StaffRole } from "../../packages/domain/src/actor.ts";
import {
  createCustomer,
  createFaker,
  createInvoiceForCustomer,
  createPortalUser,
  createStaffUser,
} from "../../packages/domain/src/seed/factories.ts";
import { getDb } from "./database.ts";

const unique = () => randomUUID().slice(0, 8);
// Playwright restarts its worker after a failure; a fixed seed would then repeat ids.
export const faker = createFaker(Number.parseInt(randomUUID().slice(0, 8), 16));

/**
 * Every spec signs in from the same address (127.0.0.1), which the apps count as one very busy
 * client. Forget the per-client sign-in counts before a sign-in, so that the suite's length does
 * not decide whether a late spec may sign in. The per-client limits themselves are covered by the
 * domain's integration tests.
 */
export async function forgetClientSignInCounts(): Promise<void> {
  await getDb().rateLimitBucket.deleteMany({ where: { key: { contains: ":client:" } } });
}

export async function createStaff(roles: StaffRole[] = ["COLLECTOR"]) {
  const email = `staff-${unique()}@e2e.example`;
  const password = `pw-${randomUUID()}`;
  await createStaffUser(getDb(), { email, roles, password, name: "Erin Example" }, faker);
  return { email, password };
}

export interface CustomerFixture {
  id: string;
  accountNumber: string;
  name: string;
  invoiceNumbers: string[];
}

/** A customer of a fresh legal entity with a few invoices, one of them overdue. */
export async function createCustomerWithInvoices(name = `Globex ${unique()} Ltd`): Promise<CustomerFixture> {
  const db = getDb();
  const tag = unique().toUpperCase();
  const customer = await createCustomer(db, { name, accountNumber: `E2E-${tag}`, faker });
  const invoiceNumbers: string[] = [];
  const dates = ["2026-01-10", "2026-03-05", "2026-05-20"];
  for (const [i, date] of dates.entries()) {
    const number = `INV-${tag}-${i + 1}`;
    await createInvoiceForCustomer(
      db,
      customer.id,
      { number, documentDate: new Date(`${date}T00:00:00Z`) },
      faker,
    );
    invoiceNumbers.push(number);
  }
  return { id: customer.id, accountNumber: customer.accountNumber, name: customer.name, invoiceNumbers };
}

export async function createPortalUserFor(
  customers: { id: string }[],
  role: "VIEWER" | "PAYER" | "ADMIN" = "PAYER",
) {
  const email = `ap-${unique()}@e2e.example`;
  await createPortalUser(
    getDb(),
    {
      email,
      name: "Pat Payable",
      memberships: customers.map((c) => ({ customerId: c.id, role })),
    },
    faker,
  );
  return { email };
}

/** A customer's invoices, oldest first, with what is open on each now. */
export async function invoicesOf(customerId: string) {
  return getDb().openItem.findMany({
    where: { customerId, kind: "INVOICE" },
    orderBy: { documentDate: "asc" },
    select: { id: true, number: true, openAmount: true },
  });
}

/** The newest sign-in code e-mailed to `email` (read from the outbox, as the dev mailbox shows it). */
export async function latestSignInCode(email: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const message = await getDb().outboxEmail.findFirst({
      where: { toAddress: email.toLowerCase() },
      orderBy: { createdAt: "desc" },
    });
    const code = message?.subject.match(/\b(\d{6})\b/)?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No sign-in code was e-mailed to ${email}`);
}
