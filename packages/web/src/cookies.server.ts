import { createHmac, timingSafeEqual } from "node:crypto";

/** One cookie's value from a Cookie header (percent-decoded, quotes removed), or undefined. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface SignedCookieOptions {
  /** Keys to verify with, newest first; the first one signs. */
  secrets: readonly string[];
  path?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "lax" | "strict";
  /** Seconds; absent: a browser-session cookie. */
  maxAge?: number;
}

const hmac = (secret: string, value: string) =>
  createHmac("sha256", secret).update(value).digest("base64").replace(/=+$/, "");

/**
 * A cookie holding one string, signed with HMAC-SHA256 so a forged value is refused without a
 * database query. The format is React Router's `createCookie` with `secrets` (base64 of the JSON
 * value, a dot, the unpadded base64 signature), so cookies issued by either read the same; this
 * one verifies synchronously with node:crypto instead of importing a WebCrypto key on every
 * request, which the session lookup of every page paid for.
 */
export function signedCookie(name: string, options: SignedCookieOptions) {
  const [signingSecret] = options.secrets;
  if (!signingSecret) throw new Error(`The cookie ${name} needs a secret.`);
  const attributes = (extra: { maxAge?: number; expires?: Date }) => {
    const parts = [`Path=${options.path ?? "/"}`];
    const maxAge = extra.maxAge ?? (extra.expires ? undefined : options.maxAge);
    if (maxAge !== undefined) parts.push(`Max-Age=${Math.floor(maxAge)}`);
    if (extra.expires) parts.push(`Expires=${extra.expires.toUTCString()}`);
    if (options.httpOnly) parts.push("HttpOnly");
    if (options.secure) parts.push("Secure");
    parts.push(`SameSite=${options.sameSite === "strict" ? "Strict" : "Lax"}`);
    return parts.join("; ");
  };
  return {
    name,
    /** The verified value, or null (absent, empty, forged, signed with an unknown key, not a string). */
    parse(cookieHeader: string | null | undefined): string | null {
      const raw = readCookie(cookieHeader, name);
      if (!raw) return null;
      const dot = raw.lastIndexOf(".");
      if (dot <= 0) return null;
      const encoded = raw.slice(0, dot);
      const given = Buffer.from(raw.slice(dot + 1));
      const valid = options.secrets.some((secret) => {
        const expected = Buffer.from(hmac(secret, encoded));
        return expected.length === given.length && timingSafeEqual(expected, given);
      });
      if (!valid) return null;
      try {
        const value: unknown = JSON.parse(Buffer.from(encoded, "base64").toString("latin1"));
        return typeof value === "string" && value.length > 0 ? value : null;
      } catch {
        return null;
      }
    },
    /** A Set-Cookie header carrying `value` (an ASCII token), or clearing the cookie when empty. */
    serialize(value: string, extra: { maxAge?: number; expires?: Date } = {}): string {
      if (value === "") return `${name}=; ${attributes({ maxAge: 0, expires: new Date(0) })}`;
      if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`The cookie ${name} holds ASCII tokens only.`);
      const encoded = Buffer.from(JSON.stringify(value), "latin1").toString("base64");
      const signed = `${encoded}.${hmac(signingSecret, encoded)}`;
      return `${name}=${encodeURIComponent(signed)}; ${attributes(extra)}`;
    },
  };
}
