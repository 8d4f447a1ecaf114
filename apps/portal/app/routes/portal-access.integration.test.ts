import { getDb } from "@settle/domain/db/client";
import { createCustomer, createLegalEntity, createPortalUser } from "@settle/domain/seed/factories";
import { CookieJar, outcome } from "@settle/web/route-test.test-support";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { portalCaller, portalSessionCookie } from "../route-test.test-support";
import { action as invitationAction, loader as invitationLoader } from "./invitation";
import { action as usersAction, loader as usersLoader } from "./users";

let account: string;
let foreign: string;
let adminId: string;
const ADMIN = "admin@access-test.example";
const VIEWER = "viewer@access-test.example";

const call = portalCaller();

function args<T>(
  url: string,
  jar: CookieJar,
  init: { body?: Record<string, string>; params?: Record<string, string>; csrf?: boolean } = {},
) {
  return call<T>(url, {
    cookie: jar.header(),
    ...(init.params ? { params: init.params } : {}),
    ...(init.body ? { form: init.body } : {}),
    withoutCsrf: init.csrf === false,
  });
}

/** An action's reply: its errors by field, and the form's ("" in Conform's reply). */
const fieldErrors = (answer: { data: Record<string, unknown> | null }) =>
  (answer.data?.reply as { error?: Record<string, string[]> } | undefined)?.error;
const formErrors = (answer: { data: Record<string, unknown> | null }) => fieldErrors(answer)?.[""];

/** A browser signed in as an existing portal user (the session as sign-in would create it). */
async function signedInAs(email: string): Promise<CookieJar> {
  const user = await getDb().portalUser.findUniqueOrThrow({ where: { email } });
  return new CookieJar().take(new Headers([["set-cookie", await portalSessionCookie(user.id)]]));
}

const usersPage = (jar: CookieJar, customerId = account, body?: Record<string, string>) =>
  outcome(
    (body ? usersAction : usersLoader)(
      args(`/accounts/${customerId}/users`, jar, { params: { customerId }, body }) as never,
    ),
  );

const invitationPage = (jar: CookieJar, token: string, body?: Record<string, string>) =>
  outcome(
    (body ? invitationAction : invitationLoader)(
      args(`/invitations/${token}`, jar, { params: { token }, body }) as never,
    ),
  );

async function mailedToken(to: string): Promise<string> {
  const mail = await getDb().outboxEmail.findFirstOrThrow({
    where: { toAddress: to, category: "portal.invitation" },
    orderBy: { createdAt: "desc" },
  });
  const link = /(http\S+\/invitations\/([A-Za-z0-9_-]{43}))/.exec(mail.textBody);
  expect(link?.[1]?.startsWith("http://localhost:3000/invitations/")).toBe(true);
  return link![2]!;
}

beforeAll(async () => {
  const db = getDb();
  const entity = await createLegalEntity(db, { name: "Access Test Supplies Inc." });
  account = (await createCustomer(db, { legalEntityId: entity.id, name: "Invited Account Ltd" })).id;
  foreign = (await createCustomer(db, { legalEntityId: entity.id, name: "Someone Else Ltd" })).id;
  adminId = (
    await createPortalUser(db, {
      email: ADMIN,
      name: "Ada Admin",
      memberships: [{ customerId: account, role: "ADMIN" }],
    })
  ).id;
  await createPortalUser(db, {
    email: VIEWER,
    name: "Val Viewer",
    memberships: [{ customerId: account, role: "VIEWER" }],
  });
});

beforeEach(async () => {
  await getDb().rateLimitBucket.deleteMany();
});

describe("the users page", () => {
  it("lets an administrator invite a colleague, who accepts and is signed in to the account", async () => {
    const admin = await signedInAs(ADMIN);
    const list = await usersPage(admin);
    expect(list.status).toBe(200);
    expect(list.data).toMatchObject({
      customer: { id: account },
      users: [{ name: "Ada Admin", role: "ADMIN", isYou: true }, { name: "Val Viewer" }],
    });

    const email = "colleague@access-test.example";
    const invited = await usersPage(admin, account, {
      intent: "invite",
      name: "Cole League",
      email,
      role: "VIEWER",
    });
    expect(invited.status).toBe(200);
    expect(invited.data).toMatchObject({ done: { intent: "invite", notice: "invited", values: { email } } });
    const token = await mailedToken(email);

    const browser = new CookieJar();
    const shown = await invitationPage(browser, token);
    expect(shown.status).toBe(200);
    expect(shown.data).toMatchObject({
      invitation: { status: "PENDING", email, role: "VIEWER", invitedBy: { name: "Ada Admin" } },
      signedInAs: null,
    });
    // Opening the link does not use it up.
    expect((await invitationPage(browser, token)).status).toBe(200);

    const accepted = await invitationPage(browser, token, { intent: "accept" });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/accounts/${account}`);
    browser.take(accepted.headers);
    expect(browser.get("settle_portal_session")).toBeTruthy();

    // The colleague is a viewer: the users page refuses, with a reason the page words.
    const refused = await usersPage(browser);
    expect(refused.status).toBe(403);
    expect(refused.data).toMatchObject({ code: "FORBIDDEN", reason: "administrators-only" });

    // The link is spent.
    const again = await invitationPage(new CookieJar(), token);
    expect(again.status).toBe(410);
    expect(again.data).toMatchObject({ invitation: { status: "ACCEPTED" } });
    const reused = await invitationPage(new CookieJar(), token, { intent: "accept" });
    expect(reused.status).toBe(409);
    expect(formErrors(reused)).toEqual([
      "Each invitation link works once. If you accepted it, sign in with your e-mail address. Otherwise, ask for a new invitation.",
    ]);
  });

  it("refuses viewers every action, and answers 404 for other accounts", async () => {
    const viewer = await signedInAs(VIEWER);
    const admin = await signedInAs(ADMIN);
    expect((await usersPage(viewer)).status).toBe(403);
    const invite = await usersPage(viewer, account, {
      intent: "invite",
      name: "Sneaky",
      email: "sneaky@access-test.example",
      role: "ADMIN",
    });
    expect(invite.status).toBe(403);
    expect(formErrors(invite)).toEqual(["Only this account's administrators can manage its users."]);
    const remove = await usersPage(viewer, account, { intent: "remove", portalUserId: adminId });
    expect(remove.status).toBe(403);

    for (const customerId of [foreign, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect((await usersPage(admin, customerId)).status, customerId).toBe(404);
      expect(
        (
          await usersPage(admin, customerId, {
            intent: "invite",
            name: "X",
            email: "x@access-test.example",
            role: "VIEWER",
          })
        ).status,
        customerId,
      ).toBe(404);
    }
  });

  it("explains refusals and invalid input, and refuses a form without its CSRF token", async () => {
    const admin = await signedInAs(ADMIN);
    const member = await usersPage(admin, account, {
      intent: "invite",
      name: "Val",
      email: VIEWER,
      role: "PAYER",
    });
    expect(member.status).toBe(409);
    expect(formErrors(member)).toEqual([
      "Val Viewer already has access to this account. Change their role instead.",
    ]);

    const lastAdmin = await usersPage(admin, account, {
      intent: "change-role",
      portalUserId: adminId,
      role: "VIEWER",
    });
    expect(lastAdmin.status).toBe(409);
    expect(formErrors(lastAdmin)).toEqual([
      "This is the account's only administrator. Make someone else an administrator first.",
    ]);

    // Malformed fields are a 400 (or, for well-formed but unknown ids, the usual 404), never a 500.
    for (const [body, expected] of [
      [{ intent: "change-role", portalUserId: adminId, role: "OWNER" }, 400],
      [{ intent: "remove", portalUserId: "not-a-uuid" }, 404],
      [{ intent: "revoke", invitationId: "not-a-uuid" }, 404],
      [{ intent: "revoke", invitationId: "" }, 400],
      [{ intent: "no-such-intent" }, 400],
    ] as const) {
      expect((await usersPage(admin, account, body)).status, JSON.stringify(body)).toBe(expected);
    }
    // An unknown intent says so, never runs another form.
    const unknown = await usersPage(admin, account, { intent: "no-such-intent" });
    expect(formErrors(unknown)).toEqual(["Please check what you entered and try again."]);
    const badRole = await usersPage(admin, account, {
      intent: "change-role",
      portalUserId: adminId,
      role: "OWNER",
    });
    expect(fieldErrors(badRole)).toMatchObject({ role: ["Choose a role."] });

    const invalid = await usersPage(admin, account, {
      intent: "invite",
      name: "",
      email: "not-an-address",
      role: "OWNER",
    });
    expect(invalid.status).toBe(400);
    // Each field's error in the visitor's language, what was typed kept.
    expect(fieldErrors(invalid)).toEqual({
      name: ["Enter the person's name."],
      email: ["Enter a valid e-mail address, like name@company.com."],
      role: ["Choose a role."],
    });
    expect((invalid.data?.reply as { initialValue?: object } | undefined)?.initialValue).toMatchObject({
      email: "not-an-address",
    });

    const forged = await outcome(
      usersAction(
        args(`/accounts/${account}/users`, admin, {
          params: { customerId: account },
          body: { intent: "invite", name: "X", email: "x@access-test.example", role: "VIEWER" },
          csrf: false,
        }) as never,
      ),
    );
    expect(forged.status).toBe(403);
  });
});

describe("the invitation page", () => {
  it("shows a clear page for unknown links, and offers a new invitation for expired ones", async () => {
    for (const token of ["x".repeat(43), "not-a-token", "%27%20OR%201%3D1"]) {
      const page = await invitationPage(new CookieJar(), token);
      expect(page.status, token).toBe(404);
      expect(page.data).toMatchObject({ invitation: { status: "UNKNOWN" } });
      const accept = await invitationPage(new CookieJar(), token, { intent: "accept" });
      expect(accept.status, token).toBe(404);
    }

    const admin = await signedInAs(ADMIN);
    const email = "late@access-test.example";
    await usersPage(admin, account, { intent: "invite", name: "Late Lee", email, role: "PAYER" });
    const token = await mailedToken(email);
    await getDb().portalInvitation.updateMany({
      where: { email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    const page = await invitationPage(new CookieJar(), token);
    expect(page.status).toBe(410);
    expect(page.data).toMatchObject({ invitation: { status: "EXPIRED", email } });
    expect(formErrors(await invitationPage(new CookieJar(), token, { intent: "accept" }))).toEqual([
      "Invitations work for a week. Ask for a new one and we'll let the account's administrators know.",
    ]);

    // A post that is neither form is refused as such.
    const unknown = await invitationPage(new CookieJar(), token, { intent: "take-over" });
    expect(unknown.status).toBe(400);
    expect(formErrors(unknown)).toEqual(["Please check what you entered and try again."]);

    const requested = await invitationPage(new CookieJar(), token, { intent: "request-new" });
    expect(requested.data?.done).toEqual({ notified: 1 });
    const nudge = await getDb().outboxEmail.findFirstOrThrow({
      where: { toAddress: ADMIN, category: "portal.invitation-renewal" },
    });
    expect(nudge.textBody).toContain(`http://localhost:3000/accounts/${account}/users`);
  });
});
