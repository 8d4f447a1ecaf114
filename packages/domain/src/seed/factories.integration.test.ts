import { verify } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import {
  createContact,
  createCreditForCustomer,
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
  createStaffUser,
} from "./factories.ts";

describe("factories", () => {
  it("create a customer with an invoice, a payment, contacts and users", async () => {
    const db = getDb();
    const entity = await createLegalEntity(db, { currency: "EUR", country: "DE", name: "Test Europe GmbH" });
    const customer = await createCustomer(db, {
      legalEntityId: entity.id,
      paymentTermsCode: "NET30",
      paymentTermsDays: 30,
    });
    expect(customer.creditCurrency).toBe("EUR");
    await createContact(db, { customerId: customer.id, isPrimary: true });

    const invoice = await createInvoiceForCustomer(db, customer.id, { documentDate: new Date("2026-03-01") });
    expect(invoice.currency).toBe("EUR");
    expect(invoice.amount > 0n).toBe(true);
    const payment = await createCreditForCustomer(db, customer.id, { amount: 1_000n });
    expect(payment.currency).toBe("EUR");

    const staff = await createStaffUser(db, {
      email: "Casey@Settle.Example",
      roles: ["COLLECTOR"],
      password: "correct horse",
    });
    expect(staff.email).toBe("casey@settle.example");
    expect(await verify(staff.passwordHash, "correct horse")).toBe(true);

    const portal = await createPortalUser(db, {
      email: "ap@test.example",
      memberships: [{ customerId: customer.id, role: "PAYER" }],
    });
    expect(portal.memberships).toHaveLength(1);

    // Without a legal entity the factory makes one, so tests never share accounts by accident.
    const standalone = await createCustomer(db);
    expect(standalone.legalEntityId).not.toBe(entity.id);
  });
});
