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

export function getDb(): PrismaClient {
  if (!client) {
    const url = configuredUrl ?? process.env.DATABASE_URL;
    if (!url) throw new Error("No database configured: set DATABASE_URL.");
    configuredUrl = url;
    const max = Number(process.env.DATABASE_POOL_SIZE ?? "") || 10;
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
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
