import { ledgerToday } from "@settle/domain/customers/account-balances";
import { familyIdsOf } from "@settle/domain/customers/family-ids";
import type { PageCacheSetup } from "@settle/web/serve.server";
import { env } from "./env.server";
import { getPortalSession } from "./session.server";

/**
 * The portal pages a signed-in user opens again and again, kept rendered until something they
 * show changes (ADR 019): an account's home, statement, invoice list and invoice pages.
 */
const CACHEABLE = /^\/accounts\/([0-9a-f-]{36})(?:\/statement|\/invoices(?:\/[0-9a-f-]{36})?)?$/i;

export const portalPageCache: PageCacheSetup = {
  databaseUrl: env.databaseUrl,
  cacheable: (url) => CACHEABLE.test(url.pathname),
  async identify(request) {
    const session = await getPortalSession(request);
    if (!session) return null;
    return {
      // Everything of the session a page shows or depends on: its user, language, active
      // account and the accounts (names, roles) in the account switcher.
      key: JSON.stringify([session.sessionId, session.activeCustomerId, session.user, session.memberships]),
      // Announced by the database when the session (sign-out, revocation, active account) or
      // the user (name, language, deactivation, accounts) changes.
      tags: [`session:${session.sessionId}`, `portal-user:${session.user.id}`],
      validUntil: session.revalidateAt,
    };
  },
  async tagsFor(url) {
    const customerId = CACHEABLE.exec(url.pathname)?.[1];
    return customerId ? (await familyIdsOf(customerId)).map((id) => `customer:${id}`) : [];
  },
  // Ages and "overdue by N days" count from the ledger's day (UTC): a page lasts until it ends.
  validUntil: (now) => new Date(ledgerToday(now).getTime() + 86_400_000),
};
