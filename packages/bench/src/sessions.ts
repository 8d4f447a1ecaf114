import { startSession } from "@settle/domain/auth/start-session";
import { configureDatabase, disconnectDb } from "@settle/domain/db/client";
import type { BenchDataset } from "./generate.ts";

/**
 * Signs the bench users in the way the apps do after a successful sign-in: a server-side session
 * row per app (through the domain's startSession), whose random token goes into the cookie.
 */
export async function startBenchSessions(
  databaseUrl: string,
  dataset: BenchDataset,
): Promise<{ backoffice: string; portal: string }> {
  configureDatabase(databaseUrl);
  try {
    const userAgent = "settle-bench";
    const [backoffice, portal] = await Promise.all([
      startSession({ app: "BACKOFFICE", userId: dataset.staffUserId, userAgent, ipAddress: "127.0.0.1" }),
      startSession({ app: "PORTAL", userId: dataset.portalUserId, userAgent, ipAddress: "127.0.0.1" }),
    ]);
    return { backoffice: backoffice.token, portal: portal.token };
  } finally {
    await disconnectDb();
  }
}

/**
 * The Cookie header a browser holds after its first page: the session cookie plus whatever that
 * page set (the CSRF cookie). Without it every page would set the cookie again, which a real
 * visitor's second page never does.
 */
export async function browserCookies(baseUrl: string, sessionCookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/account/sessions`, {
    headers: { cookie: sessionCookie },
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  await response.arrayBuffer();
  if (response.status !== 200)
    throw new Error(`GET /account/sessions answered ${response.status}: the session cookie was refused.`);
  const set = response.headers.getSetCookie().map((line) => line.split(";")[0] as string);
  return [sessionCookie, ...set].join("; ");
}
