import { startSession } from "@settle/domain/auth/sessions";
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
