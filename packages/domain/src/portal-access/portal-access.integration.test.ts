import { createHash, randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { PortalActor, PortalRole, StaffActor, StaffRole } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { createCustomer, createLegalEntity, createPortalUser, createStaffUser } from "../seed/factories.ts";
import { acceptPortalInvitation } from "./accept-portal-invitation.ts";
import { canManageUsers, canPay, requirePortalCapability } from "./capabilities.ts";
import { changePortalRole } from "./change-portal-role.ts";
import { getPortalInvitation } from "./get-portal-invitation.ts";
import { INVITATION_TTL_DAYS } from "./invitation-policy.ts";
import { invitePortalUser } from "./invite-portal-user.ts";
import { listPortalUsers } from "./list-portal-users.ts";
import { removePortalUser } from "./remove-portal-user.ts";
import { requestNewInvitation } from "./request-new-invitation.ts";
import { revokeInvitation } from "./revoke-invitation.ts";

const PORTAL_URL = "https://portal.example.com";
const portal = { portalUrl: PORTAL_URL };
let entityId: string;

/** What a use case threw, as code and reason (or "ok" when it did not throw). */
async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "ok";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const reason = error.details?.reason;
    return typeof reason === "string" ? `${error.code}:${reason}` : error.code;
  }
}

async function newAccount(name = `Account ${randomUUID().slice(0, 6)}`) {
  return (await createCustomer(getDb(), { legalEntityId: entityId, name })).id;
}

/** A portal user with memberships, and the actor their session would carry. */
async function portalUser(
  memberships: { customerId: string; role: PortalRole }[],
  extra: { locale?: string; name?: string } = {},
): Promise<{ actor: PortalActor; email: string; id: string; name: string }> {
  const email = `user-${randomUUID().slice(0, 8)}@customer.example`;
  const user = await createPortalUser(getDb(), { email, memberships, ...extra });
  return { id: user.id, email, name: user.name, actor: { kind: "portal", userId: user.id, memberships } };
}

async function staff(roles: StaffRole[]): Promise<StaffActor> {
  const user = await createStaffUser(getDb(), {
    email: `staff-${randomUUID().slice(0, 8)}@supplier.example`,
    roles,
    passwordHash: "not-used",
    name: "Sam Staff",
  });
  return { kind: "staff", userId: user.id, roles };
}

/** The invitation token from the newest e-mail to `to`, as the invitee would click it. */
async function mailedToken(to: string): Promise<string> {
  const mail = await getDb().outboxEmail.findFirst({
    where: { toAddress: to, category: "portal.invitation" },
    orderBy: { createdAt: "desc" },
  });
  const token = mail?.textBody.match(/\/invitations\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`No invitation e-mail to ${to}`);
  return token;
}

/** Opens enough pooled connections first, so racing transactions really overlap. */
async function warmPool() {
  await Promise.all(Array.from({ length: 6 }, () => getDb().$queryRaw`SELECT pg_sleep(0.05)::text`));
}

const freshEmail = () => `new-${randomUUID().slice(0, 8)}@customer.example`;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Northwind Supply Inc." })).id;
});

beforeEach(async () => {
  await getDb().rateLimitBucket.deleteMany();
});

describe("invitations", () => {
  it("e-mails a single-use link and stores only the token's sha256", async () => {
    const account = await newAccount("Globex Ltd");
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }], { name: "Ada Admin" });
    const email = freshEmail();
    const sent = await invitePortalUser(
      { customerId: account, email: email.toUpperCase(), name: "Vic Viewer", role: "VIEWER" },
      admin.actor,
      portal,
    );
    expect(sent).toMatchObject({ email, role: "VIEWER", locale: "en", replacedEarlier: false });

    const token = await mailedToken(email);
    const row = await getDb().portalInvitation.findUniqueOrThrow({ where: { id: sent.invitationId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(INVITATION_TTL_DAYS * 86_400_000);

    const mail = await getDb().outboxEmail.findFirstOrThrow({ where: { toAddress: email } });
    expect(mail.subject).toBe("Join Globex Ltd on the Northwind Supply Inc. customer portal");
    expect(mail.textBody).toContain(`${PORTAL_URL}/invitations/${token}`);
    expect(mail.textBody).toContain("Ada Admin invited you");
    expect(mail.textBody).toContain("Viewer");

    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { entityId: sent.invitationId, action: "portal_user.invited" },
    });
    expect(audit).toMatchObject({ actorType: "portal", actorId: admin.id, customerId: account });
    expect(JSON.stringify(audit.after)).not.toContain(token);

    expect(await getPortalInvitation({ token })).toMatchObject({
      status: "PENDING",
      email,
      name: "Vic Viewer",
      role: "VIEWER",
      account: { name: "Globex Ltd" },
      supplier: "Northwind Supply Inc.",
      invitedBy: { name: "Ada Admin", kind: "portal" },
    });
  });

  it("writes the e-mail in the invitee's language, else the inviter's", async () => {
    const account = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }], { locale: "pt-BR" });
    const spanish = await portalUser([], { locale: "es" });

    await invitePortalUser(
      { customerId: account, email: spanish.email, name: "Elena", role: "PAYER" },
      admin.actor,
      portal,
    );
    const newcomer = freshEmail();
    await invitePortalUser(
      { customerId: account, email: newcomer, name: "João", role: "VIEWER" },
      admin.actor,
      portal,
    );
    // The language the inviter is using now wins over the one saved on their profile.
    const inSpanish = freshEmail();
    await invitePortalUser(
      { customerId: account, email: inSpanish, name: "Eva", role: "VIEWER" },
      admin.actor,
      {
        ...portal,
        inviterLocale: "es-MX",
      },
    );
    const collector = await staff(["COLLECTOR"]);
    const arabic = freshEmail();
    await invitePortalUser(
      { customerId: account, email: arabic, name: "Layla", role: "ADMIN", locale: "ar" },
      collector,
      portal,
    );

    const mail = (to: string) => getDb().outboxEmail.findFirstOrThrow({ where: { toAddress: to } });
    expect((await mail(spanish.email)).textBody).toContain("le ha invitado al portal de clientes");
    expect((await mail(newcomer)).textBody).toContain("convidou você para o portal do cliente");
    expect((await mail(inSpanish)).subject).toMatch(
      /^Acceda a .+ en el portal de clientes de Northwind Supply Inc\.$/,
    );
    const ar = await mail(arabic);
    expect(ar.textBody).toContain("دعاك \u2068Sam Staff\u2069");
    expect(ar.htmlBody).toContain('dir="rtl"');
  });

  it("accepting creates the user and the membership, signs nobody in twice, and is audited", async () => {
    const account = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const email = freshEmail();
    await invitePortalUser({ customerId: account, email, name: "Vic Viewer", role: "VIEWER" }, admin.actor, {
      ...portal,
    });
    const token = await mailedToken(email);

    const accepted = await acceptPortalInvitation({ token });
    expect(accepted).toMatchObject({ customerId: account, role: "VIEWER", createdUser: true });
    expect(accepted.customerIds).toEqual([account]);
    const user = await getDb().portalUser.findUniqueOrThrow({ where: { id: accepted.userId } });
    expect(user).toMatchObject({ email, name: "Vic Viewer", locale: "en", active: true });

    expect(await failure(acceptPortalInvitation({ token }))).toBe("INVALID_STATE:used");
    expect((await getPortalInvitation({ token })).status).toBe("ACCEPTED");
    expect(await getDb().portalMembership.count({ where: { portalUserId: accepted.userId } })).toBe(1);
    const actions = await getDb().auditEvent.findMany({
      where: { customerId: account, actorId: accepted.userId },
      select: { action: true },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["portal_user.created", "portal_user.invitation_accepted"]);
  });

  it("expires after seven days", async () => {
    const account = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const email = freshEmail();
    const sent = await invitePortalUser(
      { customerId: account, email, name: "Late", role: "PAYER" },
      admin.actor,
      portal,
    );
    const token = await mailedToken(email);
    const justBefore = new Date(sent.expiresAt.getTime() - 1);
    expect((await getPortalInvitation({ token }, { now: justBefore })).status).toBe("PENDING");
    expect((await getPortalInvitation({ token }, { now: sent.expiresAt })).status).toBe("EXPIRED");
    expect(await failure(acceptPortalInvitation({ token }, { now: sent.expiresAt }))).toBe(
      "INVALID_STATE:expired",
    );
    expect(await getDb().portalUser.count({ where: { email } })).toBe(0);
  });

  it("treats unknown and malformed tokens alike", async () => {
    for (const token of ["", "short", "x".repeat(43), "' OR 1=1 --", "a".repeat(200)]) {
      expect((await getPortalInvitation({ token })).status, token).toBe("UNKNOWN");
      expect(await failure(acceptPortalInvitation({ token })), token).toBe("NOT_FOUND:unknown");
    }
  });

  it("lets exactly one of two concurrent accepts through", async () => {
    const account = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const email = freshEmail();
    await invitePortalUser({ customerId: account, email, name: "Racer", role: "PAYER" }, admin.actor, portal);
    const token = await mailedToken(email);

    await warmPool();
    const results = await Promise.all([1, 2, 3].map(() => failure(acceptPortalInvitation({ token }))));
    expect(results.sort()).toEqual(["INVALID_STATE:used", "INVALID_STATE:used", "ok"]);
    expect(await getDb().portalUser.count({ where: { email } })).toBe(1);
    expect(
      await getDb().portalMembership.count({ where: { customerId: account, portalUser: { email } } }),
    ).toBe(1);
  });

  it("accepts two invitations for one new address at once into one user", async () => {
    const first = await newAccount();
    const second = await newAccount();
    const collector = await staff(["COLLECTOR"]);
    const email = freshEmail();
    await invitePortalUser({ customerId: first, email, name: "Two Hats", role: "VIEWER" }, collector, portal);
    const firstToken = await mailedToken(email);
    await invitePortalUser({ customerId: second, email, name: "Two Hats", role: "PAYER" }, collector, portal);
    const secondToken = await mailedToken(email);

    await warmPool();
    const results = await Promise.all([
      acceptPortalInvitation({ token: firstToken }),
      acceptPortalInvitation({ token: secondToken }),
    ]);
    expect(results[0].userId).toBe(results[1].userId);
    const user = await getDb().portalUser.findFirstOrThrow({
      where: { email },
      include: { memberships: true },
    });
    expect(user.memberships.map((m) => m.role).sort()).toEqual(["PAYER", "VIEWER"]);
  });

  it("refuses to invite someone who already has access, but not a member of another account", async () => {
    const account = await newAccount();
    const other = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const member = await portalUser([{ customerId: account, role: "PAYER" }], { name: "Pat Payer" });
    const elsewhere = await portalUser([{ customerId: other, role: "ADMIN" }], { locale: "es" });

    const error = await invitePortalUser(
      { customerId: account, email: member.email, name: "Pat", role: "VIEWER" },
      admin.actor,
      portal,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("CONFLICT");
    expect((error as DomainError).message).toBe(
      `Pat Payer (${member.email}) already has access to this account as Payer. Change their role instead.`,
    );

    await invitePortalUser(
      { customerId: account, email: elsewhere.email, name: "Someone", role: "VIEWER" },
      admin.actor,
      portal,
    );
    const accepted = await acceptPortalInvitation({ token: await mailedToken(elsewhere.email) });
    expect(accepted).toMatchObject({ userId: elsewhere.id, createdUser: false });
    expect(accepted.customerIds.sort()).toEqual([account, other].sort());
  });

  it("sends a fresh link when re-inviting a pending address and withdraws the old one", async () => {
    const account = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const email = freshEmail();
    await invitePortalUser(
      { customerId: account, email, name: "Again", role: "VIEWER" },
      admin.actor,
      portal,
    );
    const oldToken = await mailedToken(email);
    const again = await invitePortalUser(
      { customerId: account, email, name: "Again", role: "PAYER" },
      admin.actor,
      portal,
    );
    expect(again.replacedEarlier).toBe(true);
    const newToken = await mailedToken(email);
    expect(newToken).not.toBe(oldToken);
    expect(await failure(acceptPortalInvitation({ token: oldToken }))).toBe("INVALID_STATE:revoked");
    expect((await acceptPortalInvitation({ token: newToken })).role).toBe("PAYER");
  });

  it("withdraws a pending invitation; an accepted one cannot be withdrawn", async () => {
    const account = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const email = freshEmail();
    const sent = await invitePortalUser(
      { customerId: account, email, name: "Gone", role: "VIEWER" },
      admin.actor,
      portal,
    );
    const token = await mailedToken(email);

    expect(
      await revokeInvitation({ customerId: account, invitationId: sent.invitationId }, admin.actor),
    ).toEqual({
      email,
      revoked: true,
    });
    expect(
      await revokeInvitation({ customerId: account, invitationId: sent.invitationId }, admin.actor),
    ).toEqual({
      email,
      revoked: false,
    });
    expect((await getPortalInvitation({ token })).status).toBe("REVOKED");
    expect(await failure(acceptPortalInvitation({ token }))).toBe("INVALID_STATE:revoked");

    const other = freshEmail();
    const used = await invitePortalUser(
      { customerId: account, email: other, name: "Kept", role: "VIEWER" },
      admin.actor,
      portal,
    );
    await acceptPortalInvitation({ token: await mailedToken(other) });
    expect(
      await failure(revokeInvitation({ customerId: account, invitationId: used.invitationId }, admin.actor)),
    ).toBe("INVALID_STATE:already-accepted");
    expect(
      await getDb().auditEvent.count({
        where: { action: "portal_user.invitation_revoked", customerId: account },
      }),
    ).toBe(1);
  });

  it("refuses names with line breaks (they would end up in e-mail subjects)", async () => {
    const account = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const error = await invitePortalUser(
      { customerId: account, email: freshEmail(), name: "Eve\r\nBcc: all@example.com", role: "VIEWER" },
      admin.actor,
      portal,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
  });

  it("refuses to invite for a deactivated portal user", async () => {
    const account = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const email = freshEmail();
    await createPortalUser(getDb(), { email, active: false });
    expect(
      await failure(
        invitePortalUser({ customerId: account, email, name: "Off", role: "VIEWER" }, admin.actor, portal),
      ),
    ).toBe("INVALID_STATE:user-deactivated");
  });
});

describe("requesting a new invitation", () => {
  it("asks the account's administrators (and the staff inviter), once, and never for a working link", async () => {
    const account = await newAccount("Initech");
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }], { locale: "es", name: "Ana" });
    const collector = await staff(["COLLECTOR"]);
    const email = freshEmail();
    const sent = await invitePortalUser(
      { customerId: account, email, name: "Late Larry", role: "VIEWER" },
      collector,
      portal,
    );
    const token = await mailedToken(email);

    expect(await failure(requestNewInvitation({ token }, { ip: "10.0.0.1" }, portal))).toBe(
      "INVALID_STATE:still-valid",
    );
    const later = { ...portal, now: new Date(sent.expiresAt.getTime() + 1000) };
    expect(await requestNewInvitation({ token }, { ip: "10.0.0.1" }, later)).toEqual({ notified: 2 });

    const toAdmin = await getDb().outboxEmail.findFirstOrThrow({ where: { toAddress: admin.email } });
    expect(toAdmin.category).toBe("portal.invitation-renewal");
    expect(toAdmin.subject).toBe("Late Larry solicita una nueva invitación a Initech");
    expect(toAdmin.textBody).toContain(`${PORTAL_URL}/accounts/${account}/users`);
    const staffMail = await getDb().staffUser.findUniqueOrThrow({ where: { id: collector.userId } });
    const toStaff = await getDb().outboxEmail.findFirstOrThrow({ where: { toAddress: staffMail.email } });
    expect(toStaff.textBody).toContain("has expired");
    expect(toStaff.textBody).not.toContain("/users");

    await requestNewInvitation({ token }, { ip: "10.0.0.2" }, later);
    expect(await failure(requestNewInvitation({ token }, { ip: "10.0.0.3" }, later))).toBe(
      "RATE_LIMITED:already-requested",
    );
    expect(await failure(requestNewInvitation({ token: "x".repeat(43) }, { ip: "10.0.0.4" }, later))).toBe(
      "NOT_FOUND:unknown",
    );
  });
});

describe("managing users", () => {
  it("lists users with role and last sign-in, and open invitations", async () => {
    const account = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }], { name: "Ada" });
    const viewer = await portalUser([{ customerId: account, role: "VIEWER" }], { name: "Vic" });
    await getDb().session.create({
      data: {
        id: randomUUID(),
        app: "PORTAL",
        portalUserId: viewer.id,
        csrfSecret: "x",
        expiresAt: new Date(Date.now() + 86_400_000),
        createdAt: new Date("2026-03-01T10:00:00Z"),
      },
    });
    const pending = freshEmail();
    await invitePortalUser(
      { customerId: account, email: pending, name: "Pending Pete", role: "PAYER" },
      admin.actor,
      portal,
    );
    const stale = freshEmail();
    await invitePortalUser(
      { customerId: account, email: stale, name: "Stale Sue", role: "VIEWER" },
      admin.actor,
      {
        ...portal,
        now: new Date(Date.now() - 10 * 86_400_000),
      },
    );

    const access = await listPortalUsers({ customerId: account }, admin.actor);
    expect(access.users.map((u) => [u.name, u.role, u.isYou, u.lastSignInAt?.toISOString() ?? null])).toEqual(
      [
        ["Ada", "ADMIN", true, null],
        ["Vic", "VIEWER", false, "2026-03-01T10:00:00.000Z"],
      ],
    );
    expect(access.invitations.map((i) => [i.name, i.status])).toEqual([
      ["Pending Pete", "PENDING"],
      ["Stale Sue", "EXPIRED"],
    ]);
    expect(access).toMatchObject({ adminCount: 1, can: { manage: true } });
  });

  it("changes roles and removes access to one account only, with audit events", async () => {
    const account = await newAccount();
    const other = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const member = await portalUser([
      { customerId: account, role: "VIEWER" },
      { customerId: other, role: "PAYER" },
    ]);
    expect(
      await changePortalRole({ customerId: account, portalUserId: member.id, role: "PAYER" }, admin.actor),
    ).toEqual({ role: "PAYER", changed: true });
    expect(
      await changePortalRole({ customerId: account, portalUserId: member.id, role: "PAYER" }, admin.actor),
    ).toEqual({ role: "PAYER", changed: false });
    expect(await removePortalUser({ customerId: account, portalUserId: member.id }, admin.actor)).toEqual({
      name: member.name,
      email: member.email,
      removedSelf: false,
    });
    const left = await getDb().portalMembership.findMany({ where: { portalUserId: member.id } });
    expect(left.map((m) => m.customerId)).toEqual([other]);
    const audits = await getDb().auditEvent.findMany({
      where: { customerId: account, entityId: member.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.action, a.before, a.after])).toEqual([
      [
        "portal_user.role_changed",
        { email: member.email, role: "VIEWER" },
        { email: member.email, role: "PAYER" },
      ],
      ["portal_user.removed", { email: member.email, role: "PAYER" }, null],
    ]);
    expect(
      await failure(removePortalUser({ customerId: account, portalUserId: member.id }, admin.actor)),
    ).toBe("NOT_FOUND");
  });

  it("never removes or demotes the last administrator, even when two try at once", async () => {
    const account = await newAccount();
    const a = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const b = await portalUser([{ customerId: account, role: "ADMIN" }]);

    // Each demotes the other at the same moment: one wins, the other is refused (its role is
    // re-read under the account lock) and the account keeps an administrator.
    await warmPool();
    const results = await Promise.all([
      failure(changePortalRole({ customerId: account, portalUserId: b.id, role: "VIEWER" }, a.actor)),
      failure(changePortalRole({ customerId: account, portalUserId: a.id, role: "VIEWER" }, b.actor)),
    ]);
    expect(results.sort()).toEqual(["FORBIDDEN:administrators-only", "ok"]);
    expect(await getDb().portalMembership.count({ where: { customerId: account, role: "ADMIN" } })).toBe(1);

    const remaining = (
      await getDb().portalMembership.findFirstOrThrow({
        where: { customerId: account, role: "ADMIN" },
      })
    ).portalUserId;
    const last = remaining === a.id ? a : b;
    expect(await failure(removePortalUser({ customerId: account, portalUserId: last.id }, last.actor))).toBe(
      "INVALID_STATE:last-admin",
    );
    expect(
      await failure(
        changePortalRole({ customerId: account, portalUserId: last.id, role: "PAYER" }, last.actor),
      ),
    ).toBe("INVALID_STATE:last-admin");

    // AR staff can, since they can invite a new administrator.
    const manager = await staff(["AR_MANAGER"]);
    expect(await failure(removePortalUser({ customerId: account, portalUserId: last.id }, manager))).toBe(
      "ok",
    );
  });

  it("lets an administrator leave when another administrator remains", async () => {
    const account = await newAccount();
    const a = await portalUser([{ customerId: account, role: "ADMIN" }]);
    await portalUser([{ customerId: account, role: "ADMIN" }]);
    expect(await removePortalUser({ customerId: account, portalUserId: a.id }, a.actor)).toMatchObject({
      removedSelf: true,
    });
  });
});

describe("scope", () => {
  it("answers NOT_FOUND outside the user's accounts and FORBIDDEN to members who are not administrators", async () => {
    const account = await newAccount();
    const foreign = await newAccount();
    const admin = await portalUser([{ customerId: account, role: "ADMIN" }]);
    const foreignAdmin = await portalUser([{ customerId: foreign, role: "ADMIN" }]);
    const foreignSent = await invitePortalUser(
      { customerId: foreign, email: freshEmail(), name: "Theirs", role: "VIEWER" },
      foreignAdmin.actor,
      portal,
    );
    const invite = (customerId: string, actor: PortalActor | StaffActor) =>
      failure(
        invitePortalUser({ customerId, email: freshEmail(), name: "X", role: "VIEWER" }, actor, portal),
      );

    for (const id of [foreign, randomUUID(), "not-a-uuid", "", `${account}' OR 1=1`]) {
      expect(await failure(listPortalUsers({ customerId: id }, admin.actor)), id).toBe("NOT_FOUND");
      expect(await invite(id, admin.actor), id).toBe("NOT_FOUND");
      expect(
        await failure(removePortalUser({ customerId: id, portalUserId: foreignAdmin.id }, admin.actor)),
        id,
      ).toBe("NOT_FOUND");
      expect(
        await failure(
          changePortalRole({ customerId: id, portalUserId: foreignAdmin.id, role: "VIEWER" }, admin.actor),
        ),
        id,
      ).toBe("NOT_FOUND");
      expect(
        await failure(
          revokeInvitation({ customerId: id, invitationId: foreignSent.invitationId }, admin.actor),
        ),
        id,
      ).toBe("NOT_FOUND");
    }
    // Another account's user or invitation through one's own account: not found either.
    expect(
      await failure(removePortalUser({ customerId: account, portalUserId: foreignAdmin.id }, admin.actor)),
    ).toBe("NOT_FOUND");
    expect(
      await failure(
        revokeInvitation({ customerId: account, invitationId: foreignSent.invitationId }, admin.actor),
      ),
    ).toBe("NOT_FOUND");
    expect(await failure(removePortalUser({ customerId: account, portalUserId: "nope" }, admin.actor))).toBe(
      "NOT_FOUND",
    );

    for (const role of ["VIEWER", "PAYER"] as const) {
      const member = await portalUser([{ customerId: account, role }]);
      expect(await failure(listPortalUsers({ customerId: account }, member.actor)), role).toBe(
        "FORBIDDEN:administrators-only",
      );
      expect(await invite(account, member.actor), role).toBe("FORBIDDEN:administrators-only");
      expect(
        await failure(removePortalUser({ customerId: account, portalUserId: admin.id }, member.actor)),
        role,
      ).toBe("FORBIDDEN:administrators-only");
    }
  });

  it("lets AR managers, collectors and admins manage portal users; other staff may only look", async () => {
    const account = await newAccount();
    for (const roles of [["COLLECTOR"], ["AR_MANAGER"], ["ADMIN"]] as StaffRole[][]) {
      const actor = await staff(roles);
      const email = freshEmail();
      const sent = await invitePortalUser(
        { customerId: account, email, name: "By staff", role: "ADMIN" },
        actor,
        portal,
      );
      expect(
        await revokeInvitation({ customerId: account, invitationId: sent.invitationId }, actor),
      ).toMatchObject({
        revoked: true,
      });
      const audit = await getDb().auditEvent.findFirstOrThrow({
        where: { entityId: sent.invitationId, action: "portal_user.invited" },
      });
      expect(audit).toMatchObject({ actorType: "staff", actorId: actor.userId });
    }
    const cash = await staff(["CASH_APPLIER"]);
    expect(
      await failure(
        invitePortalUser(
          { customerId: account, email: freshEmail(), name: "No", role: "VIEWER" },
          cash,
          portal,
        ),
      ),
    ).toBe("FORBIDDEN");
    const access = await listPortalUsers({ customerId: account }, cash);
    expect(access.can.manage).toBe(false);
    expect(await failure(listPortalUsers({ customerId: randomUUID() }, cash))).toBe("NOT_FOUND");
  });

  it("gives payment and user management to the right roles", async () => {
    const account = await newAccount();
    const roles = ["VIEWER", "PAYER", "ADMIN"] as const;
    const users = await Promise.all(roles.map((role) => portalUser([{ customerId: account, role }])));
    expect(users.map((u) => canPay(u.actor, account))).toEqual([false, true, true]);
    expect(users.map((u) => canManageUsers(u.actor, account))).toEqual([false, false, true]);
    expect(users.map((u) => canPay(u.actor, randomUUID()))).toEqual([false, false, false]);
    expect(canPay(await staff(["ADMIN"]), account)).toBe(false);
    expect(() => requirePortalCapability(users[0]!.actor, account, "canPay")).toThrow(
      "Only payers and administrators of this account can pay.",
    );
    expect(() => requirePortalCapability(users[2]!.actor, randomUUID(), "canPay")).toThrow(
      "Customer not found.",
    );
  });
});
