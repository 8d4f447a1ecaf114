import { getDb } from "@settle/domain/db/client";
import type { StaffRole } from "@settle/domain/db/generated/enums";
import { createCustomer, createPortalUser } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, signedInStaff } from "../route-test.test-support.ts";
import { action, loader } from "./customer-account.tsx";

let customerId: string;
const call = backofficeCaller(() => ({ customerId }));

/** A staff member (Casey Collector) with these roles, signed in. */
const staffCookie = (roles: StaffRole[]) => signedInStaff(roles, { name: "Casey Collector" });

/** Route arguments for the account page, signed in with `cookie`, posting `fields` when given. */
function args<T>(cookie: string, fields?: Record<string, string>, csrf = true): T {
  return call<T>(`/customers/${customerId}`, {
    cookie,
    ...(fields ? { form: fields } : {}),
    withoutCsrf: !csrf,
  });
}

/** Conform's reply in an action's answer: errors by field ("" for the form) and what was typed. */
const replyOf = (answer: { data: Record<string, unknown> | null }) =>
  (answer.data?.reply ?? {}) as { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "Portal Access GmbH" })).id;
  await createPortalUser(getDb(), {
    email: "ap@portal-access.example",
    name: "Alex Payable",
    memberships: [{ customerId, role: "ADMIN" }],
  });
});

describe("portal access on the customer account page", () => {
  it("lists portal users, and lets a collector invite and withdraw, with audit events", async () => {
    const cookie = await staffCookie(["COLLECTOR"]);
    const page = await loader(args(cookie));
    expect(page.portalAccess.can).toEqual({ manage: true });
    expect(page.portalAccess.users).toMatchObject([{ name: "Alex Payable", role: "ADMIN" }]);

    const email = "new.clerk@portal-access.example";
    const invited = await outcome(
      action(
        args(cookie, { intent: "portal-invite", name: "New Clerk", email, role: "PAYER", locale: "es" }),
      ),
    );
    expect(invited.status).toBe(200);
    expect(invited.data?.done).toEqual({ message: `Invitation sent to ${email}.` });
    const mail = await getDb().outboxEmail.findFirstOrThrow({ where: { toAddress: email } });
    expect(mail.textBody).toContain("le ha invitado");
    expect(mail.textBody).toMatch(/http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]{43}/);

    const after = (await loader(args(cookie))) as {
      portalAccess: { invitations: { id: string; email: string; role: string }[] };
    };
    const invitation = after.portalAccess.invitations.find((i) => i.email === email)!;
    expect(invitation.role).toBe("PAYER");
    const revoked = await outcome(
      action(args(cookie, { intent: "portal-revoke", invitationId: invitation.id })),
    );
    expect(revoked.data?.done).toEqual({ message: `The invitation to ${email} was withdrawn.` });

    const audits = await getDb().auditEvent.findMany({
      where: { customerId, actorType: "staff" },
      select: { action: true },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["portal_user.invited", "portal_user.invitation_revoked"]);
  });

  it("shows form errors for invalid input and refuses staff without a portal-access role", async () => {
    const collector = await staffCookie(["COLLECTOR"]);
    const invalid = await outcome(
      action(args(collector, { intent: "portal-invite", name: "", email: "nope", role: "OWNER" })),
    );
    expect(invalid.status).toBe(400);
    expect(Object.keys(replyOf(invalid).error ?? {}).sort()).toEqual(["email", "name", "role"]);
    expect(replyOf(invalid).error?.email).toEqual(["Enter a valid e-mail address, like name@company.com."]);
    // What was typed comes back for the form.
    expect(replyOf(invalid).initialValue).toMatchObject({ email: "nope" });

    const cash = await staffCookie(["CASH_APPLIER"]);
    const page = await loader(args(cash));
    expect(page.portalAccess.can).toEqual({ manage: false });
    const refused = await outcome(
      action(
        args(cash, { intent: "portal-invite", name: "X", email: "x@portal-access.example", role: "VIEWER" }),
      ),
    );
    expect(refused.status).toBe(403);
    expect(replyOf(refused).error?.[""]).toEqual(["Your role does not allow this."]);

    const forged = await outcome(
      action(
        args(
          collector,
          { intent: "portal-invite", name: "X", email: "x@portal-access.example", role: "VIEWER" },
          false,
        ),
      ),
    );
    expect(forged.status).toBe(403);
  });

  it("answers an unknown intent with a 400 that says so, and puts a refusal's words on the form", async () => {
    const collector = await staffCookie(["COLLECTOR"]);
    const unknown = await outcome(action(args(collector, { intent: "portal-delete-everything" })));
    expect(unknown.status).toBe(400);
    expect(replyOf(unknown).error?.[""]).toEqual([
      "This form does not do that. Reload the page and try again.",
    ]);

    // Inviting someone who already has access: the page's words, with who and as what.
    const member = await outcome(
      action(
        args(collector, {
          intent: "portal-invite",
          name: "Alex again",
          email: "ap@portal-access.example",
          role: "VIEWER",
        }),
      ),
    );
    expect(member.status).toBe(409);
    expect(replyOf(member).error?.[""]).toEqual([
      "Alex Payable (ap@portal-access.example) already has access to this account as Administrator. Change their role instead.",
    ]);

    // A withdrawal without its invitation is a field error, never a crash.
    const withoutId = await outcome(action(args(collector, { intent: "portal-revoke" })));
    expect(withoutId.status).toBe(400);
    expect(Object.keys(replyOf(withoutId).error ?? {})).toEqual(["invitationId"]);
  });
});
