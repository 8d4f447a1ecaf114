import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { emailT } from "@settle/i18n/emails";
import type { PortalActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { consumeRateLimit, type RateLimitRule } from "../auth/rate-limit.ts";
import { DEFAULT_PORTAL_LOCALE, matchPortalLocale, type PortalLocale } from "../base/portal-locales.ts";
import { getDb } from "../db/client.ts";
import { enqueueEmail } from "../email/enqueue-email.ts";
import { DomainError } from "../errors.ts";
import { waitText } from "./sign-in-code-policy.ts";
import { type VerifyStepUpCodeInput, VerifyStepUpCodeSchema } from "./step-up-forms.ts";

/**
 * Step-up before changing payment methods (adding or removing a card, turning autopay on): a
 * fresh one-time code e-mailed to the signed-in user's own address, because a session cookie left
 * on a shared computer must not be enough to point an account's money at another card. A code
 * works once, for STEP_UP.codeTtlSeconds, for the session that asked; after it the session may
 * change payment methods for STEP_UP.grantSeconds. See docs/decisions/015.
 */
export const STEP_UP = {
  codeTtlSeconds: 5 * 60,
  grantSeconds: 10 * 60,
  /** Wrong guesses per code before it stops working (a new code must be requested). */
  attemptsPerCode: 5,
  /** Like sign-in codes: stops mail-bombing the user's own inbox. */
  requestsPerUser: { limit: 5, windowSeconds: 15 * 60 },
  verificationsPerUser: { limit: 20, windowSeconds: 15 * 60 },
} as const satisfies Record<string, number | RateLimitRule>;

const hashCode = (sessionId: string, code: string) =>
  createHash("sha256").update(`${sessionId}\n${code}`).digest("hex");

const rateLimited = (wait: number, what: string) =>
  new DomainError("RATE_LIMITED", `Too many ${what}. Try again in ${waitText(wait)}.`, {
    retryAfterSeconds: wait,
    reason: "rate-limited",
  });

/**
 * E-mails a new six-digit code to the signed-in user. Earlier unused codes of the session stop
 * working. Returns when it expires (the page says so).
 */
export async function sendStepUpCode(
  sessionId: string,
  actor: PortalActor,
  now = new Date(),
): Promise<{ expiresAt: Date }> {
  const limit = await consumeRateLimit(
    `portal-step-up-request:user:${actor.userId}`,
    STEP_UP.requestsPerUser,
    now,
  );
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds, "codes were requested");
  const db = getDb();
  const user = await db.portalUser.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, name: true, locale: true },
  });
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(now.getTime() + STEP_UP.codeTtlSeconds * 1000);
  await db.$transaction(async (t) => {
    await t.stepUpCode.updateMany({
      where: { sessionId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await t.stepUpCode.create({
      data: { sessionId, portalUserId: actor.userId, codeHash: hashCode(sessionId, code), expiresAt },
    });
    const locale = matchPortalLocale(user.locale) ?? DEFAULT_PORTAL_LOCALE;
    await enqueueEmail(t, {
      to: user.email,
      ...stepUpEmail(locale, user.name, code),
      category: "portal.step-up-code",
    });
  });
  return { expiresAt };
}

/**
 * Checks a code against the session's latest unexpired one. VALIDATION (reason "wrong-code") for a
 * wrong or expired code; RATE_LIMITED after too many checks.
 */
export async function verifyStepUpCode(
  rawInput: VerifyStepUpCodeInput,
  sessionId: string,
  actor: PortalActor,
  now = new Date(),
): Promise<{ grantedUntil: Date }> {
  const parsed = VerifyStepUpCodeSchema.safeParse(rawInput);
  if (!parsed.success) {
    throw new DomainError("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid code.", {
      reason: "wrong-code",
    });
  }
  const limit = await consumeRateLimit(
    `portal-step-up-verify:user:${actor.userId}`,
    STEP_UP.verificationsPerUser,
    now,
  );
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds, "codes were tried");
  return getDb().$transaction(async (t) => {
    const [row] = await t.$queryRaw<{ id: string; code_hash: string; attempts: number }[]>`
      SELECT id, code_hash, attempts FROM step_up_code
      WHERE session_id = ${sessionId} AND portal_user_id = ${actor.userId}::uuid
        AND used_at IS NULL AND expires_at > ${now}
      ORDER BY created_at DESC LIMIT 1 FOR UPDATE`;
    const wrong = () =>
      new DomainError("VALIDATION", "That code is wrong or has expired. Ask for a new one.", {
        reason: "wrong-code",
      });
    if (!row || row.attempts >= STEP_UP.attemptsPerCode) throw wrong();
    const given = Buffer.from(hashCode(sessionId, parsed.data.code), "hex");
    if (!timingSafeEqual(given, Buffer.from(row.code_hash, "hex"))) {
      await t.stepUpCode.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
      throw wrong();
    }
    await t.stepUpCode.update({ where: { id: row.id }, data: { usedAt: now } });
    await appendAudit(t, actor, {
      action: "portal.step-up",
      entityType: "portal_user",
      entityId: actor.userId,
      after: { sessionId: sessionId.slice(0, 12) },
    });
    return { grantedUntil: new Date(now.getTime() + STEP_UP.grantSeconds * 1000) };
  });
}

/** Until when this session may change payment methods, or null when it must ask for a code. */
export async function stepUpGrantedUntil(
  sessionId: string,
  actor: PortalActor,
  now = new Date(),
): Promise<Date | null> {
  const row = await getDb().stepUpCode.findFirst({
    where: {
      sessionId,
      portalUserId: actor.userId,
      usedAt: { gt: new Date(now.getTime() - STEP_UP.grantSeconds * 1000), lte: now },
    },
    orderBy: { usedAt: "desc" },
    select: { usedAt: true },
  });
  return row?.usedAt ? new Date(row.usedAt.getTime() + STEP_UP.grantSeconds * 1000) : null;
}

/** Refuses (FORBIDDEN, reason "step-up-required") unless the session passed step-up recently. */
export async function requireStepUp(sessionId: string, actor: PortalActor, now = new Date()): Promise<void> {
  if (!(await stepUpGrantedUntil(sessionId, actor, now))) {
    throw new DomainError("FORBIDDEN", "Confirm it is you with a code sent to your e-mail first.", {
      reason: "step-up-required",
    });
  }
}

function stepUpEmail(locale: PortalLocale, name: string, code: string) {
  const t = emailT(locale);
  return {
    subject: t("stepUp.subject", { code }),
    text: [
      t("greeting", { name }),
      "",
      t("stepUp.body"),
      "",
      `    ${code}`,
      "",
      t("stepUp.expiry"),
      t("stepUp.ignore"),
    ].join("\n"),
  };
}
