import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type { Prisma } from "./generated/client.ts";
export type Db = PrismaClient;
/** What a use case accepts to join a caller's transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface DatabaseOptions {
  /** Connections this process may hold (default 10). */
  poolSize?: number;
}

const DEFAULT_POOL_SIZE = 10;
let configured: { url: string; poolSize: number } | undefined;
let client: PrismaClient | undefined;

/**
 * The only way the domain learns its database: apps call this once from their validated
 * environment, and scripts and tests with the URL they were given, before the first query.
 */
export function configureDatabase(url: string, options: DatabaseOptions = {}): void {
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  if (client && (url !== configured?.url || poolSize !== configured.poolSize)) {
    throw new Error("The database is already connected with other settings.");
  }
  configured = { url, poolSize };
}

/**
 * Statements by name, so that each connection parses a statement once and runs it by name
 * afterwards. Names are a hash of the SQL text, so one text always gets one name. Texts are
 * bounded in practice (queries are templates with parameters); past the cap a statement runs
 * unnamed, so an unusual workload cannot grow every connection's prepared statements without
 * limit.
 *
 * Every execution is still planned for its own parameters (`plan_cache_mode =
 * force_custom_plan`, set on each connection below): accounts differ by orders of magnitude, and
 * a generic plan made for the typical account of 100 items sorted the big account's 5,000 overdue
 * invoices the slow way (63 ms instead of 3 ms for a page of the invoice list).
 */
const MAX_NAMED_STATEMENTS = 2_000;
const statementNames = new Map<string, string>();

export function statementName(query: { sql: string }): string {
  let name = statementNames.get(query.sql);
  if (name === undefined) {
    if (statementNames.size >= MAX_NAMED_STATEMENTS) return "";
    name = `settle_${createHash("sha1").update(query.sql).digest("base64url")}`;
    statementNames.set(query.sql, name);
  }
  return name;
}

export function getDb(): PrismaClient {
  if (!client) {
    if (!configured) throw new Error("No database configured: call configureDatabase first.");
    client = new PrismaClient({
      adapter: new PrismaPg(
        {
          connectionString: configured.url,
          max: configured.poolSize,
          options: "-c plan_cache_mode=force_custom_plan",
        },
        { statementNameGenerator: statementName },
      ),
    });
  }
  return client;
}

export async function disconnectDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}

/**
 * Runs `fn` in the caller's transaction when one is given, otherwise in a new one, so use cases
 * compose: multi-step writes stay atomic.
 */
export function inTransaction<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (tx) return fn(tx);
  return getDb().$transaction((t) => fn(t), { timeout: 20_000, maxWait: 10_000 });
}
