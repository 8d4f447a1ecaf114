import path from "node:path";
import pg from "pg";
import { startDatabaseProcess } from "./database-process.ts";
import { type RunningServer, startEmbeddedServer } from "./embedded-server.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");

/** Each use gets its own embedded cluster and port, so tests never touch the demo data. */
export const EMBEDDED = {
  dev: { dir: ".data/postgres", port: 54320, database: "settle" },
  test: { dir: ".data/test-postgres", port: 54321, database: "settle_template" },
  e2e: { dir: ".data/e2e-postgres", port: 54322, database: "settle_e2e" },
  bench: { dir: ".data/bench-postgres", port: 54323, database: "settle_bench" },
} as const;

export type Purpose = keyof typeof EMBEDDED;

export interface ResolvedDatabase {
  /** URL of the database to use. */
  url: string;
  /** URL of a maintenance database on the same server (to create or drop databases). */
  adminUrl: string;
  /** Builds a URL for another database on the same server. */
  urlFor(database: string): string;
  /** True when an embedded server was started (or reused) for this purpose. */
  embedded: boolean;
  stop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Finds the database for a purpose: the given external URL if set (DATABASE_URL,
 * TEST_DATABASE_URL, ...), otherwise an embedded PostgreSQL under `.data/`. Creates the database
 * when it does not exist yet. `ownProcess`: run the embedded server from a process of its own (a
 * launcher of services; see database-process.ts).
 */
export async function resolveDatabase(
  purpose: Purpose,
  externalUrl?: string,
  options: { ownProcess?: boolean } = {},
): Promise<ResolvedDatabase> {
  const spec = EMBEDDED[purpose];
  if (externalUrl) {
    const url = purpose === "dev" ? externalUrl : withDatabase(externalUrl, spec.database);
    const adminUrl = withDatabase(externalUrl, "postgres");
    await ensureDatabase(adminUrl, new URL(url).pathname.slice(1));
    return {
      url,
      adminUrl,
      urlFor: (db) => withDatabase(externalUrl, db),
      embedded: false,
      stop: async () => {},
    };
  }
  const portOverride = Number(process.env.SETTLE_PG_PORT ?? "") || undefined;
  const start = options.ownProcess ? startDatabaseProcess : startEmbeddedServer;
  const server: RunningServer = await start({
    dataDir: path.join(REPO_ROOT, spec.dir),
    port: purpose === "dev" && portOverride ? portOverride : spec.port,
  });
  const url = server.urlFor(spec.database);
  await ensureDatabase(server.adminUrl, spec.database);
  return { url, adminUrl: server.adminUrl, urlFor: server.urlFor, embedded: true, stop: server.stop };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      try {
        await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
      } catch (error) {
        // Another process created it at the same moment.
        if ((error as { code?: string }).code !== "42P04") throw error;
      }
    }
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** A fresh database as a copy of a migrated template (fast: a file copy inside PostgreSQL). */
export async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
  });
}
