import { randomUUID } from "node:crypto";

/**
 * The client address for rate limits. X-Forwarded-For is trusted only when the app is told it
 * runs behind a proxy (TRUST_PROXY), otherwise anyone could pick their own address.
 */
export function clientIp(request: Request, peerAddress: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return peerAddress || "unknown";
}

export function requestId(request: Request): string {
  return requestIdFrom(request.headers.get("x-request-id"));
}

/** The caller's X-Request-Id when it is a sane token, otherwise a new one. */
export function requestIdFrom(given: string | null | undefined): string {
  return given && /^[A-Za-z0-9._-]{8,100}$/.test(given) ? given : randomUUID();
}

/** Reads a single string field; undefined when missing or a file. */
export function field(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Safe in-app redirect targets only ("/x", not "//evil" or "https://evil"). */
export function safeRedirect(to: string | null | undefined, fallback = "/"): string {
  if (!to?.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
