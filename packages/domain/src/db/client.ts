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
 * Statements by name, so that each connection parses and plans a statement once and runs it by
 * name afterwards (PostgreSQL keeps a generic plan once it is as good as a fresh one): a page's
 * seven queries spent as long being planned as being run. Names are a hash of the SQL text, so one
 * text always gets one name. Texts are bounded in practice (queries are templates with
 * parameters); past the cap a statement runs unnamed, so an unusual workload cannot grow every
 * connection's prepared statements without limit.
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
      adapter: new PrismaPg({ connectionString: url, max }, { statementNameGenerator: statementName }),
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
