import type { ResolvedDatabase } from "@settle/db-tools/databases";

/**
 * The per-file test database standing in for the bench database in integration tests (the
 * generator drops and recreates it).
 */
export function testBenchDatabase(): ResolvedDatabase {
  const url = process.env.DATABASE_URL as string;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return { url, adminUrl: admin.toString(), urlFor: () => url, embedded: false, stop: async () => {} };
}
