import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type { Prisma } from "./generated/client.ts";
export type Db = PrismaClient;
/** What a use case accepts to join a caller's transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

let configuredUrl: string | undefined;
let client: PrismaClient | undefined;

/**
 * Apps call this once from their validated environment; scripts and tests may rely on
 * DATABASE_URL instead.
 */
export function configureDatabase(url: string): void {
  if (client && url !== configuredUrl) throw new Error("The database is already connected to another URL.");
  configuredUrl = url;
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
    const url = configuredUrl ?? process.env.DATABASE_URL;
    if (!url) throw new Error("No database configured: set DATABASE_URL.");
    configuredUrl = url;
    const max = Number(process.env.DATABASE_POOL_SIZE ?? "") || 10;
    client = new PrismaClient({
      adapter: new PrismaPg(
        { connectionString: url, max, options: "-c plan_cache_mode=force_custom_plan" },
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
