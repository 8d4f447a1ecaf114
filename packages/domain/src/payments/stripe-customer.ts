import { getDb } from "../db/client.ts";
import { CUSTOMER_METADATA_KEY, stripeRefusal } from "./start-card-payment.ts";
import { getStripe } from "./stripe-client.ts";

/**
 * The account's Stripe Customer, made on first use (saved cards hang off it). The Idempotency-Key
 * is per account, so two first-time savers at once get the same Stripe Customer.
 */
export async function ensureStripeCustomer(customerId: string): Promise<string> {
  const db = getDb();
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { stripeCustomerId: true, name: true, accountNumber: true },
  });
  if (customer.stripeCustomerId) return customer.stripeCustomerId;
  const { stripe } = getStripe();
  let created: { id: string };
  try {
    created = await stripe.customers.create(
      {
        name: customer.name,
        description: `Settle account ${customer.accountNumber}`,
        metadata: { [CUSTOMER_METADATA_KEY]: customerId },
      },
      { idempotencyKey: `settle-customer-${customerId}` },
    );
  } catch (error) {
    throw stripeRefusal(error);
  }
  await db.customer.updateMany({
    where: { id: customerId, stripeCustomerId: null },
    data: { stripeCustomerId: created.id },
  });
  const stored = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { stripeCustomerId: true },
  });
  return stored.stripeCustomerId ?? created.id;
}
