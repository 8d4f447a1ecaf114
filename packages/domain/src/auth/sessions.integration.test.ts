import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { createCustomer, createLegalEntity, createPortalUser, createStaffUser } from "../seed/factories.ts";
import { resolvePortalSession } from "./resolve-portal-session.ts";
import { resolveStaffSession } from "./resolve-staff-session.ts";
import { hashToken } from "./session-tokens.ts";
import { startSession } from "./start-session.ts";

let entityId: string;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Sessions Test Ltd" })).id;
});

const email = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@sessions.example`;

async function portalUserWithAccounts() {
  const zeta = await createCustomer(getDb(), { legalEntityId: entityId, name: "Zeta Foods" });
  const acme = await createCustomer(getDb(), { legalEntityId: entityId, name: "Acme Mills" });
  const user = await createPortalUser(getDb(), {
    email: email("portal"),
    name: "Paula Portal",
    locale: "es",
    memberships: [
      { customerId: zeta.id, role: "VIEWER" },
      { customerId: acme.id, role: "ADMIN" },
    ],
  });
  return { user, zeta, acme };
}

const sessionRow = (token: string) => getDb().session.findUniqueOrThrow({ where: { id: hashToken(token) } });

describe("resolvePortalSession", () => {
  it("returns the user, their accounts by name with roles, and the actor", async () => {
    const { user, zeta, acme } = await portalUserWithAccounts();
    const { token } = await startSession({ app: "PORTAL", userId: user.id });
    await getDb().session.update({ where: { id: hashToken(token) }, data: { activeCustomer: zeta.id } });

    const session = await resolvePortalSession(token, "req-1");
    expect(session?.user).toEqual({ id: user.id, email: user.email, name: "Paula Portal", locale: "es" });
    expect(session?.memberships).toEqual([
      { customerId: acme.id, role: "ADMIN", accountNumber: acme.accountNumber, name: "Acme Mills" },
      { customerId: zeta.id, role: "VIEWER", accountNumber: zeta.accountNumber, name: "Zeta Foods" },
    ]);
    expect(session?.activeCustomerId).toBe(zeta.id);
    expect(session?.sessionId).toBe(hashToken(token));
    expect(session?.csrfSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(session?.actor).toEqual({
      kind: "portal",
      userId: user.id,
      memberships: [
        { customerId: acme.id, role: "ADMIN" },
        { customerId: zeta.id, role: "VIEWER" },
      ],
      requestId: "req-1",
    });
  });

  it("forgets an active account the user is no longer a member of, and works with no accounts", async () => {
    const { user, zeta } = await portalUserWithAccounts();
    const { token } = await startSession({ app: "PORTAL", userId: user.id });
    await getDb().session.update({ where: { id: hashToken(token) }, data: { activeCustomer: zeta.id } });
    await getDb().portalMembership.deleteMany({ where: { portalUserId: user.id } });
    const session = await resolvePortalSession(token);
    expect(session?.memberships).toEqual([]);
    expect(session?.activeCustomerId).toBeNull();
  });

  it("refuses unknown, revoked, expired and other-app tokens and deactivated users", async () => {
    const { user } = await portalUserWithAccounts();
    expect(await resolvePortalSession("no-such-token")).toBeNull();
    expect(await resolvePortalSession("")).toBeNull();
    expect(await resolvePortalSession("x".repeat(101))).toBeNull();

    const revoked = await startSession({ app: "PORTAL", userId: user.id });
    await getDb().session.update({
      where: { id: hashToken(revoked.token) },
      data: { revokedAt: new Date() },
    });
    expect(await resolvePortalSession(revoked.token)).toBeNull();

    const expired = await startSession({ app: "PORTAL", userId: user.id });
    await getDb().session.update({
      where: { id: hashToken(expired.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await resolvePortalSession(expired.token)).toBeNull();

    const staff = await createStaffUser(getDb(), {
      email: email("staff"),
      roles: ["COLLECTOR"],
      passwordHash: "x",
    });
    const staffToken = (await startSession({ app: "BACKOFFICE", userId: staff.id })).token;
    expect(await resolvePortalSession(staffToken)).toBeNull();

    const live = await startSession({ app: "PORTAL", userId: user.id });
    expect(await resolvePortalSession(live.token)).not.toBeNull();
    await getDb().portalUser.update({ where: { id: user.id }, data: { active: false } });
    expect(await resolvePortalSession(live.token)).toBeNull();
  });

  it("slides the expiry forward at most every five minutes", async () => {
    const { user } = await portalUserWithAccounts();
    const { token } = await startSession({ app: "PORTAL", userId: user.id });
    const fresh = await sessionRow(token);
    await resolvePortalSession(token);
    expect((await sessionRow(token)).lastSeenAt).toEqual(fresh.lastSeenAt);

    const longAgo = new Date(Date.now() - 6 * 60_000);
    await getDb().session.update({
      where: { id: hashToken(token) },
      data: { lastSeenAt: longAgo, expiresAt: new Date(Date.now() + 60_000) },
    });
    await resolvePortalSession(token);
    const touched = await sessionRow(token);
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(longAgo.getTime());
    expect(touched.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });
});

describe("resolveStaffSession", () => {
  it("returns the staff user with roles, and refuses revoked sessions, portal tokens and deactivated users", async () => {
    const staff = await createStaffUser(getDb(), {
      email: email("staff"),
      name: "Sam Staff",
      roles: ["COLLECTOR", "CASH_APPLIER"],
      passwordHash: "x",
    });
    const { token } = await startSession({ app: "BACKOFFICE", userId: staff.id });
    const session = await resolveStaffSession(token, "req-2");
    expect(session?.user).toEqual({
      id: staff.id,
      email: staff.email,
      name: "Sam Staff",
      roles: ["COLLECTOR", "CASH_APPLIER"],
      locale: null,
    });
    expect(session?.actor).toEqual({
      kind: "staff",
      userId: staff.id,
      roles: ["COLLECTOR", "CASH_APPLIER"],
      requestId: "req-2",
    });

    const { user } = await portalUserWithAccounts();
    const portalToken = (await startSession({ app: "PORTAL", userId: user.id })).token;
    expect(await resolveStaffSession(portalToken)).toBeNull();

    await getDb().session.update({ where: { id: hashToken(token) }, data: { revokedAt: new Date() } });
    expect(await resolveStaffSession(token)).toBeNull();

    const second = (await startSession({ app: "BACKOFFICE", userId: staff.id })).token;
    await getDb().staffUser.update({ where: { id: staff.id }, data: { active: false } });
    expect(await resolveStaffSession(second)).toBeNull();
  });
});
