import { z } from "zod";
import type { PortalActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";

export const SelectCustomerSchema = z.object({ customerId: z.uuid() });

/** A portal user picks which of their customer accounts to act for. Unknown ones are NOT_FOUND. */
export async function selectPortalCustomer(
  sessionId: string,
  actor: PortalActor,
  input: { customerId: string },
) {
  const { customerId } = SelectCustomerSchema.parse(input);
  if (!actor.memberships.some((m) => m.customerId === customerId)) {
    throw new DomainError("NOT_FOUND", "Account not found.");
  }
  await getDb().session.update({ where: { id: sessionId }, data: { activeCustomer: customerId } });
}
