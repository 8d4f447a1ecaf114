/**
 * Starts the built portal and back office against the bench database and stops them again.
 * Everything the bench must know about the apps lives here: folders, cookie names, how their
 * cookie-signing keys derive from the session secret (apps/<app>/app/env.server.ts and
 * session.server.ts). If those change, the page cases fail their first request loudly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { REPO_ROOT } from "@settle/db-tools/databases";

export type AppName = "portal" | "backoffice";

interface AppSpec {
  label: string;
  dir: string;
  cookieName: string;
  /** Environment variable holding the app's session secret. */
  secretEnv: string;
  /** Prefix of the purpose strings the app derives its keys with. */
  keyPrefix: string;
}

export const APPS: Record<AppName, AppSpec> = {
  portal: {
    label: "portal",
    dir: "apps/portal",
    cookieName: "settle_portal_session",
    secretEnv: "PORTAL_SESSION_SECRET",
    keyPrefix: "settle-portal",
  },
  backoffice: {
    label: "back office",
    dir: "apps/backoffice",
    cookieName: "settle_bo_session",
    secretEnv: "SESSION_SECRET",
    keyPrefix: "settle-backoffice",
  },
};

export interface RunningApp {
  name: AppName;
  baseUrl: string;
  pid: number;
  /** A Cookie header value carrying `token` as this app's signed session cookie. */
  sessionCookie(token: string): string;
  /** The app's last lines of output (for error reports). */
  recentOutput(): string;
  stop(): Promise<void>;
}

export function assertBuilt(names: AppName[]): void {
  const missing = names.filter(
    (n) => !existsSync(path.join(REPO_ROOT, APPS[n].dir, "build/server/index.js")),
  );
  if (missing.length) {
    throw new Error(
      `Not built: ${missing.map((n) => APPS[n].dir).join(", ")}. Run \`npm run bench\` from the repository root ` +
        "(it builds first), or `npx turbo run build --filter=@settle/portal --filter=@settle/backoffice`.",
    );
  }
}

/** A port the OS reports free on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * React Router's signed cookie format (createCookie with `secrets`): base64 of the JSON value,
 * a dot, and the unpadded base64 HMAC-SHA256 of that under the first secret.
 */
function signedCookieValue(value: string, secret: string): string {
  const encoded = Buffer.from(JSON.stringify(value), "utf8").toString("base64");
  const signature = createHmac("sha256", secret).update(encoded).digest("base64").replace(/=+$/, "");
  return `${encoded}.${signature}`;
}

const running = new Set<RunningApp>();

/**
 * Starts one built app (`node --import tsx server.ts` in its folder, like `npx tsx server.ts`
 * without the npx wrapper) on a free loopback port, in its own process group, and waits for
 * /healthz. NODE_ENV=test by default, so React renders with its development build;
 * `nodeEnv: "production"` works too (the bench passes a generated secret, which is all
 * production mode demands).
 */
export async function startApp(
  name: AppName,
  options: {
    databaseUrl: string;
    nodeEnv?: "test" | "production";
    portalUrl?: string;
    timeoutMs?: number;
    /** Write a V8 CPU profile of the app into this folder when it stops. */
    profileDir?: string;
    /** More environment for the app (e.g. the Stripe sandbox's address and webhook secret). */
    env?: Record<string, string>;
  },
): Promise<RunningApp> {
  const spec = APPS[name];
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // A fresh secret per run: the bench signs its own session cookies with it.
  const secret = randomBytes(32).toString("hex");
  const cookieKey = createHmac("sha256", secret).update(`${spec.keyPrefix}:cookies`).digest("hex");
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const proc = spawnDetached(spec.dir, [...profile, "--import", "tsx", "server.ts"], {
    ...options.env,
    NODE_ENV: options.nodeEnv ?? "test",
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    PORTAL_URL: options.portalUrl ?? baseUrl,
    [spec.secretEnv]: secret,
  });
  if (!proc) throw new Error(`Could not start the ${spec.label}.`);
  const { child, pid } = proc;

  const app: RunningApp = {
    name,
    baseUrl,
    pid,
    sessionCookie: (token) => `${spec.cookieName}=${encodeURIComponent(signedCookieValue(token, cookieKey))}`,
    recentOutput: proc.recentOutput,
    stop: async () => {
      running.delete(app);
      await proc.stop();
    },
  };
  running.add(app);

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      running.delete(app);
      throw new Error(
        `The ${spec.label} exited (code ${child.exitCode}) while starting:\n${app.recentOutput()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return app;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await app.stop();
  throw new Error(
    `The ${spec.label} did not answer /healthz within ${(options.timeoutMs ?? 60_000) / 1000} s:\n${app.recentOutput()}`,
  );
}

interface DetachedProcess {
  child: ChildProcess;
  pid: number;
  recentOutput(): string;
  /** SIGTERM to the process group, SIGKILL after 6 s. */
  stop(): Promise<void>;
}

/** `node <args>` in a folder of the repository, in its own process group, output kept. */
function spawnDetached(dir: string, args: string[], env: Record<string, string>): DetachedProcess | null {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: path.join(REPO_ROOT, dir),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  if (!child.pid) return null;
  const pid = child.pid;
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line.trim()) lines.push(line);
      if (lines.length > 200) lines.splice(0, lines.length - 200);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const isGone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    pid,
    recentOutput: () => lines.slice(-40).join("\n"),
    stop: async () => {
      if (isGone()) return;
      signalGroup(pid, "SIGTERM");
      const stopped = await Promise.race([
        exited.then(() => true),
        sleep(6_000, { unref: true }).then(() => false),
      ]);
      if (!stopped) {
        signalGroup(pid, "SIGKILL");
        await Promise.race([exited, sleep(2_000, { unref: true })]);
      }
    },
  };
}

export interface RunningWorker {
  pid: number;
  recentOutput(): string;
  stop(): Promise<void>;
}

const runningWorkers = new Set<RunningWorker>();

/**
 * Starts the worker (apps/worker: the Stripe webhook inbox, the job schedules; no SMTP, so
 * e-mails stay in the outbox) against the bench database and waits for its start line.
 */
export async function startWorker(options: {
  databaseUrl: string;
  nodeEnv?: "test" | "production";
  profileDir?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<RunningWorker> {
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const proc = spawnDetached("apps/worker", [...profile, "--import", "tsx", "src/main.ts"], {
    ...options.env,
    NODE_ENV: options.nodeEnv ?? "test",
    DATABASE_URL: options.databaseUrl,
  });
  if (!proc) throw new Error("Could not start the worker.");
  const worker: RunningWorker = {
    pid: proc.pid,
    recentOutput: proc.recentOutput,
    stop: async () => {
      runningWorkers.delete(worker);
      await proc.stop();
    },
  };
  runningWorkers.add(worker);
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      runningWorkers.delete(worker);
      throw new Error(
        `The worker exited (code ${proc.child.exitCode}) while starting:\n${proc.recentOutput()}`,
      );
    }
    if (proc.recentOutput().includes("worker.started")) return worker;
    await sleep(200);
  }
  await worker.stop();
  throw new Error(
    `The worker did not start within ${(options.timeoutMs ?? 60_000) / 1000} s:\n${proc.recentOutput()}`,
  );
}

/** The app's whole process group (it was spawned detached, so its pid is the group id). */
function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Stops every app and worker this process started (on errors and interrupts). */
export async function stopAllApps(): Promise<void> {
  await Promise.all([...running, ...runningWorkers].map((app) => app.stop()));
}

/** Last resort when the process exits without cleaning up: kill what is left, synchronously. */
export function killAllAppsNow(): void {
  for (const app of [...running, ...runningWorkers]) signalGroup(app.pid, "SIGKILL");
}

export const sleep = (ms: number, options: { unref?: boolean } = {}) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (options.unref) timer.unref();
  });

/**
 * Starts several apps side by side; if one fails, stops the others before rethrowing, so no
 * start is left running unobserved.
 */
export async function startApps<N extends AppName>(
  names: readonly N[],
  options: Parameters<typeof startApp>[1],
): Promise<Record<N, RunningApp>> {
  const settled = await Promise.allSettled(names.map((name) => startApp(name, options)));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) {
    await Promise.all(settled.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    throw failure.reason;
  }
  return Object.fromEntries(
    settled.map((s, i) => [names[i], (s as PromiseFulfilledResult<RunningApp>).value]),
  ) as Record<N, RunningApp>;
}
