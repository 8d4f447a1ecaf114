import { type Actor, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { AccountFlagKind } from "../db/generated/enums.ts";
import { assertReadableCustomerId } from "./account-balances.ts";

export interface AccountFlagRow {
  id: string;
  kind: AccountFlagKind;
  reference: string;
  note: string | null;
  createdAt: Date;
}

/** What on an account still needs the collector (autopay that kept failing, a chargeback…), newest first. */
export async function listOpenAccountFlags(customerId: string, actor: Actor): Promise<AccountFlagRow[]> {
  requireStaff(actor);
  assertReadableCustomerId(actor, customerId);
  return getDb().accountFlag.findMany({
    where: { customerId: customerId.toLowerCase(), resolvedAt: null },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, kind: true, reference: true, note: true, createdAt: true },
  });
}
