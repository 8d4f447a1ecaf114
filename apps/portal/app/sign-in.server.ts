import { endSession } from "@settle/domain/auth/end-session";
import { resolvePortalSession } from "@settle/domain/auth/resolve-portal-session";
import { selectPortalCustomer } from "@settle/domain/auth/select-portal-customer";
import { startSession } from "@settle/domain/auth/start-session";
import { isDomainError, statusForCode } from "@settle/domain/errors";
import { completePortalSignIn, type PortalSignInUser } from "@settle/domain/portal/complete-portal-sign-in";
import { countSignInCodeAttempt } from "@settle/domain/portal/count-sign-in-code-attempt";
import { registerSignInCode } from "@settle/domain/portal/register-sign-in-code";
import { sendSignInCode } from "@settle/domain/portal/send-sign-in-code";
import {
  PortalEmailSchema,
  SIGN_IN_CODE_DIGITS,
  SIGN_IN_CODE_MAX_ATTEMPTS,
  SIGN_IN_CODE_TTL_SECONDS,
} from "@settle/domain/portal/sign-in-forms";
import { pageUrl, requestId, safeRedirect } from "@settle/web/request.server";
import { redirect } from "react-router";
import { TOTPStrategy } from "remix-auth-totp";
import { ZodError } from "zod";
import { env } from "./env.server";
import { localeHints } from "./i18n/i18n.server";
import { accountPath, readSessionToken, sessionCookieFor } from "./session.server";

/**
 * Sign-in by e-mailed one-time code, on remix-auth-totp 4. The strategy generates, encrypts and
 * checks the codes; around it the portal adds what the library leaves to the app:
 * - its own cookie name: the library always calls its cookie "_totp", so the cookie is renamed
 *   on the way in and out;
 * - a server-side attempt counter per code, bound to the address it was issued for (the
 *   library's counter and the address live in a plain cookie the visitor can edit or reset);
 * - rate limits per address and per client, and no hint whether an address has an account;
 * - the server-side session: the library throws its success redirect and ignores what the
 *   verify callback returns, so the outcome is recorded in a per-request context instead.
 */

export const VERIFY_PATH = "/login/verify";
export const MAGIC_LINK_PATH = "/login/magic";

const LIBRARY_COOKIE = "_totp";
const TOTP_COOKIE = "settle_portal_totp";
const TOTP_COOKIE_MAX_AGE = SIGN_IN_CODE_TTL_SECONDS + 5 * 60;

/** The strategy's error "messages" are markers here: the pages word each case themselves. */
const MARK = {
  requiredEmail: "required-email",
  invalidEmail: "invalid-email",
  invalidTotp: "invalid-code",
  expiredTotp: "expired-code",
  rateLimitExceeded: "too-many-attempts",
  missingSessionEmail: "no-pending-code",
  missingSessionTotp: "no-pending-code",
} as const;

export type NewCodeReason = "expired" | "too-many-attempts" | "no-pending-code";

interface StrategyContext {
  ip: string;
  /** The visitor's language choices, for the e-mail (the user's saved language comes between). */
  locales?: Awaited<ReturnType<typeof localeHints>>;
  /** The encrypted code token from the visitor's cookie, when checking a code. */
  token?: string;
  user?: PortalSignInUser | null;
  failure?: unknown;
}

function createStrategy(ctx: StrategyContext): TOTPStrategy<void> {
  return new TOTPStrategy<void>(
    {
      secret: env.totpSecret,
      cookieOptions: {
        httpOnly: true,
        sameSite: "Lax",
        path: "/",
        maxAge: TOTP_COOKIE_MAX_AGE,
        // The library's type only allows `secure: true`, so the attribute is added or left out.
        ...(env.secureCookies ? { secure: true as const } : {}),
      },
      totpGeneration: {
        charSet: "0123456789",
        digits: SIGN_IN_CODE_DIGITS,
        period: SIGN_IN_CODE_TTL_SECONDS,
        maxAttempts: SIGN_IN_CODE_MAX_ATTEMPTS,
      },
      magicLinkPath: MAGIC_LINK_PATH,
      customErrors: MARK,
      emailSentRedirect: VERIFY_PATH,
      successRedirect: "/",
      failureRedirect: VERIFY_PATH,
      validateEmail: async (email) => PortalEmailSchema.safeParse(email).success,
      sendTOTP: async ({ email, code, magicLink }) => {
        try {
          await sendSignInCode(
            {
              email,
              code,
              magicLink: publicLink(magicLink),
              chosenLocale: ctx.locales?.chosen,
              browserLocale: ctx.locales?.browser,
            },
            { ip: ctx.ip },
          );
        } catch (error) {
          ctx.failure = error;
          throw error;
        }
      },
    },
    async ({ email }) => {
      try {
        ctx.user = ctx.token ? await completePortalSignIn({ token: ctx.token, email }) : null;
      } catch (error) {
        ctx.failure = error;
        throw error;
      }
      // Already used, or no active portal access: the same answer as an expired code.
      if (!ctx.user) throw new Error(MARK.expiredTotp);
    },
  );
}

/** The library builds links from the request's origin; e-mails must use the public address. */
function publicLink(magicLink: string): string {
  const link = new URL(magicLink);
  return new URL(link.pathname + link.search, env.portalUrl).toString();
}

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(/;\s*/)) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value.startsWith('"') && value.endsWith('"')
        ? value.slice(1, -1).replace(/\\(.)/g, "$1")
        : value;
    }
  }
  return undefined;
}

export interface PendingCode {
  email: string;
  /** Null once the code was used up or expired: the visitor can only ask for a new one. */
  token: string | null;
}

function pendingFrom(state: URLSearchParams | null): PendingCode | null {
  const email = state?.get("email");
  if (!state || !email) return null;
  let token: string | null = null;
  try {
    const totp: unknown = JSON.parse(state.get("totp") ?? "null");
    if (totp && typeof totp === "object" && "jwe" in totp && typeof totp.jwe === "string") token = totp.jwe;
  } catch {
    token = null;
  }
  return { email, token };
}

/** The code this browser is waiting for, from its cookie (unverified: the server checks it). */
export function readPendingCode(request: Request): PendingCode | null {
  const raw = readCookie(request.headers.get("cookie"), TOTP_COOKIE);
  return raw ? pendingFrom(new URLSearchParams(raw)) : null;
}

/** A request for the strategy: only its own cookie (under its own name) and the given fields. */
function strategyRequest(request: Request, fields?: Record<string, string>): Request {
  const headers = new Headers();
  const raw = readCookie(request.headers.get("cookie"), TOTP_COOKIE);
  if (raw) headers.set("Cookie", `${LIBRARY_COOKIE}=${raw}`);
  if (!fields) return new Request(pageUrl(request).href, { method: "GET", headers });
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(pageUrl(request).href, { method: "POST", headers, body: new URLSearchParams(fields) });
}

/** The strategy always ends by throwing a redirect; that response is its result. */
async function runStrategy(ctx: StrategyContext, request: Request): Promise<Response> {
  try {
    await createStrategy(ctx).authenticate(request);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("remix-auth-totp finished without a redirect.");
}

/**
 * The strategy's cookie, renamed to the portal's, plus its content. The library appends the same
 * cookie twice on some paths; the last one is what a browser keeps, so only that one is passed on.
 */
function strategyCookie(response: Response): { headers: Headers; state: URLSearchParams | null } {
  const headers = new Headers();
  let last: string | undefined;
  for (const cookie of response.headers.getSetCookie()) {
    if (cookie.startsWith(`${LIBRARY_COOKIE}=`)) last = cookie;
  }
  if (!last) return { headers, state: null };
  headers.append("Set-Cookie", TOTP_COOKIE + last.slice(LIBRARY_COOKIE.length));
  const value = last.slice(LIBRARY_COOKIE.length + 1).split(";")[0] ?? "";
  return { headers, state: new URLSearchParams(value.replace(/^"|"$/g, "")) };
}

/** Forgets the code but keeps the address, so "send a new code" works without retyping it. */
function forgetCode(pending: PendingCode | null): Headers {
  const attributes = `Path=/; HttpOnly; SameSite=Lax${env.secureCookies ? "; Secure" : ""}`;
  const headers = new Headers();
  if (pending) {
    const value = new URLSearchParams({ email: pending.email }).toString();
    headers.append("Set-Cookie", `${TOTP_COOKIE}=${value}; Max-Age=${TOTP_COOKIE_MAX_AGE}; ${attributes}`);
  } else {
    headers.append("Set-Cookie", `${TOTP_COOKIE}=; Max-Age=0; ${attributes}`);
  }
  return headers;
}

export type CodeRequestResult =
  | { ok: true; headers: Headers }
  | {
      ok: false;
      /** "refused": the domain said no (too many codes requested); the page words each reason. */
      reason: "no-email" | "invalid-email" | "refused";
      status: number;
      retryAfterSeconds?: number;
      headers: Headers;
    };

/**
 * Issues a code for `email`, or for the address in the visitor's cookie when `email` is omitted
 * ("send a new code"). Succeeds the same way whether or not the address has portal access.
 */
export async function requestSignInCode(
  request: Request,
  ip: string,
  email?: string,
): Promise<CodeRequestResult> {
  const ctx: StrategyContext = { ip, locales: await localeHints(request) };
  const response = await runStrategy(ctx, strategyRequest(request, email ? { email } : {}));
  if (ctx.failure) {
    if (!isDomainError(ctx.failure)) throw ctx.failure;
    const retry = ctx.failure.details?.retryAfterSeconds;
    const headers = new Headers();
    if (typeof retry === "number") headers.set("Retry-After", String(retry));
    return {
      ok: false,
      reason: "refused",
      status: statusForCode(ctx.failure.code),
      retryAfterSeconds: typeof retry === "number" ? retry : undefined,
      headers,
    };
  }
  const { headers, state } = strategyCookie(response);
  const pending = pendingFrom(state);
  const error = state?.get("error");
  if (!pending?.token || error) {
    return {
      ok: false,
      reason: error === MARK.invalidEmail ? "invalid-email" : "no-email",
      status: 400,
      headers: new Headers(),
    };
  }
  await registerSignInCode({ token: pending.token, email: pending.email });
  return { ok: true, headers };
}

export type CodeCheckResult =
  | { outcome: "signed-in"; user: PortalSignInUser; headers: Headers }
  | { outcome: "wrong-code"; attemptsLeft: number }
  | { outcome: "new-code-needed"; reason: NewCodeReason; headers: Headers }
  | { outcome: "rate-limited"; retryAfterSeconds?: number };

/**
 * Checks a typed code, or (without `code`) the magic link in the request's URL. Each check first
 * counts as an attempt on the server; the strategy only sees codes that still have attempts left.
 */
export async function verifySignInCode(
  request: Request,
  ip: string,
  code?: string,
): Promise<CodeCheckResult> {
  const pending = readPendingCode(request);
  if (!pending?.token)
    return { outcome: "new-code-needed", reason: "no-pending-code", headers: forgetCode(pending) };

  let attempt: Awaited<ReturnType<typeof countSignInCodeAttempt>>;
  try {
    attempt = await countSignInCodeAttempt({ token: pending.token, email: pending.email }, { ip });
  } catch (error) {
    if (isDomainError(error) && error.code === "RATE_LIMITED") {
      const retry = error.details?.retryAfterSeconds;
      return { outcome: "rate-limited", retryAfterSeconds: typeof retry === "number" ? retry : undefined };
    }
    // A cookie that does not hold a valid address or token: start over.
    if (error instanceof ZodError)
      return { outcome: "new-code-needed", reason: "no-pending-code", headers: forgetCode(null) };
    throw error;
  }
  if (attempt.status !== "allowed") {
    const reason = attempt.status === "expired" ? "expired" : "too-many-attempts";
    return { outcome: "new-code-needed", reason, headers: forgetCode(pending) };
  }

  const ctx: StrategyContext = { ip, token: pending.token };
  const response = await runStrategy(
    ctx,
    strategyRequest(request, code === undefined ? undefined : { code }),
  );
  if (ctx.failure) throw ctx.failure;
  const { headers, state } = strategyCookie(response);
  if (ctx.user) return { outcome: "signed-in", user: ctx.user, headers };

  const error = state?.get("error");
  if (error === MARK.invalidTotp && attempt.attemptsLeft > 0) {
    return { outcome: "wrong-code", attemptsLeft: attempt.attemptsLeft };
  }
  const reason: NewCodeReason =
    error === MARK.invalidTotp || error === MARK.rateLimitExceeded
      ? "too-many-attempts"
      : error === MARK.expiredTotp
        ? "expired"
        : "no-pending-code";
  return {
    outcome: "new-code-needed",
    reason,
    headers: forgetCode(reason === "no-pending-code" ? null : pending),
  };
}

/**
 * Starts the server-side session for a verified user and redirects: to `redirectTo` when given,
 * else to the only account's home (selected right away) or to the account chooser.
 */
export async function startPortalSession(
  request: Request,
  ip: string,
  user: PortalSignInUser,
  totpHeaders: Headers,
  redirectTo?: string | null,
): Promise<Response> {
  // A new sign-in replaces the browser's previous session rather than leaving it behind.
  const previous = readSessionToken(request);
  if (previous) await endSession(previous);
  const { token, expiresAt } = await startSession({
    app: "PORTAL",
    userId: user.userId,
    userAgent: request.headers.get("user-agent"),
    ipAddress: ip,
  });
  let target = "/select-account";
  const [only] = user.customerIds;
  if (only && user.customerIds.length === 1) {
    const session = await resolvePortalSession(token, requestId(request));
    if (session) {
      await selectPortalCustomer(session.sessionId, session.actor, { customerId: only });
      target = accountPath(only);
    }
  }
  const headers = new Headers(totpHeaders);
  headers.append("Set-Cookie", sessionCookieFor(token, expiresAt));
  return redirect(safeRedirect(redirectTo, target), { headers });
}
