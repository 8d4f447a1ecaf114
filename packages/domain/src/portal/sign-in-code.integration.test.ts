import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { createCustomer, createPortalUser } from "../seed/factories.ts";
import { completePortalSignIn } from "./complete-portal-sign-in.ts";
import { countSignInCodeAttempt } from "./count-sign-in-code-attempt.ts";
import { registerSignInCode } from "./register-sign-in-code.ts";
import { sendSignInCode } from "./send-sign-in-code.ts";
import { SIGN_IN_CODE_LIMITS } from "./sign-in-code-policy.ts";
import { SIGN_IN_CODE_MAX_ATTEMPTS, SIGN_IN_CODE_TTL_SECONDS } from "./sign-in-forms.ts";

const magicLink = "https://portal.example.com/login/magic?t=abc.def";
let customerId: string;

beforeAll(async () => {
  const db = getDb();
  customerId = (await createCustomer(db, { name: "Acme Corp" })).id;
  await createPortalUser(db, {
    email: "clerk@acme.example",
    name: "Casey Clerk",
    memberships: [{ customerId, role: "PAYER" }],
  });
  await createPortalUser(db, { email: "former@acme.example", active: false });
});

beforeEach(async () => {
  await getDb().outboxEmail.deleteMany();
  await getDb().rateLimitBucket.deleteMany();
});

/** A distinct client address per test, so per-client limits of one test don't leak into another. */
const clientIp = () => `10.0.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const newToken = () => randomBytes(48).toString("base64url");

async function rateLimitedError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("RATE_LIMITED");
  return error as DomainError;
}

describe("sendSignInCode", () => {
  it("writes exactly one outbox e-mail with the code and the link for an active portal user", async () => {
    await sendSignInCode({ email: "  Clerk@Acme.example ", code: "482913", magicLink }, { ip: clientIp() });
    const rows = await getDb().outboxEmail.findMany();
    expect(rows).toHaveLength(1);
    const [mail] = rows;
    expect(mail).toMatchObject({
      toAddress: "clerk@acme.example",
      category: "portal.sign-in-code",
      status: "PENDING",
    });
    expect(mail?.subject).toContain("482913");
    expect(mail?.textBody).toContain("482913");
    expect(mail?.textBody).toContain(magicLink);
    expect(mail?.textBody).toContain("Casey Clerk");
    expect(mail?.htmlBody).toContain("482913");
  });

  it("writes nothing for an unknown or deactivated address, without an error", async () => {
    await sendSignInCode({ email: "nobody@acme.example", code: "482913", magicLink }, { ip: clientIp() });
    await sendSignInCode({ email: "former@acme.example", code: "482913", magicLink }, { ip: clientIp() });
    expect(await getDb().outboxEmail.count()).toBe(0);
  });

  it("escapes the user's name in the HTML body", async () => {
    await createPortalUser(getDb(), { email: "tricky@acme.example", name: "<b>Bold</b> & Co" });
    await sendSignInCode({ email: "tricky@acme.example", code: "111222", magicLink }, { ip: clientIp() });
    const mail = await getDb().outboxEmail.findFirstOrThrow();
    expect(mail.htmlBody).toContain("&lt;b&gt;Bold&lt;/b&gt; &amp; Co");
    expect(mail.htmlBody).not.toContain("<b>Bold</b>");
  });

  it("rejects a malformed address", async () => {
    await expect(
      sendSignInCode({ email: "not an address", code: "482913", magicLink }, { ip: clientIp() }),
    ).rejects.toThrow();
  });

  it("limits codes per address, known or not, so the limit reveals nothing", async () => {
    const { limit } = SIGN_IN_CODE_LIMITS.requestsPerEmail;
    for (const email of ["clerk@acme.example", "nobody@acme.example"]) {
      for (let i = 0; i < limit; i++)
        await sendSignInCode({ email, code: "482913", magicLink }, { ip: clientIp() });
      const error = await rateLimitedError(
        sendSignInCode({ email, code: "482913", magicLink }, { ip: clientIp() }),
      );
      expect(error.details?.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Only the known address got mail, and only up to the limit.
    expect(await getDb().outboxEmail.count()).toBe(limit);
  });

  it("limits codes per client address across addresses", async () => {
    const ip = clientIp();
    const { limit } = SIGN_IN_CODE_LIMITS.requestsPerClient;
    for (let i = 0; i < limit; i++) {
      await sendSignInCode({ email: `visitor${i}@elsewhere.example`, code: "482913", magicLink }, { ip });
    }
    await rateLimitedError(
      sendSignInCode({ email: "clerk@acme.example", code: "482913", magicLink }, { ip }),
    );
    expect(await getDb().outboxEmail.count()).toBe(0);
    // Another client is not affected.
    await sendSignInCode({ email: "clerk@acme.example", code: "482913", magicLink }, { ip: clientIp() });
    expect(await getDb().outboxEmail.count()).toBe(1);
  });
});

describe("code attempts", () => {
  it(`allows ${SIGN_IN_CODE_MAX_ATTEMPTS} attempts per code, then asks for a new one`, async () => {
    const ref = { token: newToken(), email: "clerk@acme.example" };
    const ip = clientIp();
    await registerSignInCode(ref);
    const results = [];
    for (let i = 0; i <= SIGN_IN_CODE_MAX_ATTEMPTS; i++)
      results.push(await countSignInCodeAttempt(ref, { ip }));
    expect(results).toEqual([
      { status: "allowed", attemptsLeft: 2 },
      { status: "allowed", attemptsLeft: 1 },
      { status: "allowed", attemptsLeft: 0 },
      { status: "exhausted" },
    ]);
  });

  it("counts parallel attempts exactly", async () => {
    const ref = { token: newToken(), email: "clerk@acme.example" };
    await registerSignInCode(ref);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => countSignInCodeAttempt(ref, { ip: clientIp() })),
    );
    expect(results.filter((r) => r.status === "allowed")).toHaveLength(SIGN_IN_CODE_MAX_ATTEMPTS);
    expect(results.filter((r) => r.status === "exhausted")).toHaveLength(6 - SIGN_IN_CODE_MAX_ATTEMPTS);
  });

  it("binds a code to the address it was issued for", async () => {
    const token = newToken();
    await registerSignInCode({ token, email: "visitor@elsewhere.example" });
    // The same code token presented with someone else's address (an edited cookie) is unknown.
    expect(await countSignInCodeAttempt({ token, email: "clerk@acme.example" }, { ip: clientIp() })).toEqual({
      status: "expired",
    });
    expect(await completePortalSignIn({ token, email: "clerk@acme.example" })).toBeNull();
  });

  it("expires a code after its lifetime", async () => {
    const ref = { token: newToken(), email: "clerk@acme.example" };
    const issued = new Date(Date.now() - 60_000);
    await registerSignInCode(ref, issued);
    const justBefore = new Date(issued.getTime() + SIGN_IN_CODE_TTL_SECONDS * 1000 - 1000);
    const after = new Date(issued.getTime() + SIGN_IN_CODE_TTL_SECONDS * 1000 + 1000);
    expect(await countSignInCodeAttempt(ref, { ip: clientIp() }, justBefore)).toMatchObject({
      status: "allowed",
    });
    expect(await countSignInCodeAttempt(ref, { ip: clientIp() }, after)).toEqual({ status: "expired" });
  });

  it("limits code checks per client address across codes", async () => {
    const ip = clientIp();
    const { limit } = SIGN_IN_CODE_LIMITS.verificationsPerClient;
    for (let i = 0; i < limit; i++) {
      await countSignInCodeAttempt({ token: newToken(), email: "clerk@acme.example" }, { ip });
    }
    await rateLimitedError(
      countSignInCodeAttempt({ token: newToken(), email: "clerk@acme.example" }, { ip }),
    );
  });
});

describe("completePortalSignIn", () => {
  it("returns the user and their accounts once, then the code is used up", async () => {
    const ref = { token: newToken(), email: "Clerk@Acme.example" };
    await registerSignInCode(ref);
    const user = await completePortalSignIn(ref);
    const stored = await getDb().portalUser.findUniqueOrThrow({ where: { email: "clerk@acme.example" } });
    expect(user).toEqual({ userId: stored.id, customerIds: [customerId] });
    expect(await completePortalSignIn(ref)).toBeNull();
    expect(await countSignInCodeAttempt(ref, { ip: clientIp() })).toEqual({ status: "expired" });
  });

  it("signs in no one for an address without active portal access", async () => {
    for (const email of ["nobody@acme.example", "former@acme.example"]) {
      const ref = { token: newToken(), email };
      await registerSignInCode(ref);
      expect(await completePortalSignIn(ref)).toBeNull();
    }
  });

  it("signs in no one with a code that was never issued", async () => {
    expect(await completePortalSignIn({ token: newToken(), email: "clerk@acme.example" })).toBeNull();
  });
});
