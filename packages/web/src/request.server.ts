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

/**
 * The URL of the page a request is for. With React Router's `v8_passThroughRequests`, loaders and
 * actions get the request as the browser sent it: a client navigation asks for
 * `/accounts/1/statement.data?view=open&_routes=routes/statement`. This is the page's own URL
 * (`/accounts/1/statement?view=open`), the same as the loader's `url` argument, for helpers that
 * only have the request (sign-in redirects that come back to the page, query parsing).
 */
export function pageUrl(request: Request): URL {
  const url = new URL(request.url);
  if (url.pathname.endsWith(".data")) {
    url.pathname = url.pathname === "/_root.data" ? "/" : url.pathname.slice(0, -".data".length);
  }
  url.searchParams.delete("_routes");
  // A bare `?index` marks a submission to an index route; an `index` with a value is the page's.
  const kept = url.searchParams.getAll("index").filter((value) => value !== "");
  url.searchParams.delete("index");
  for (const value of kept) url.searchParams.append("index", value);
  return url;
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
