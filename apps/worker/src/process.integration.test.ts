import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getDb } from "@settle/domain/db/client";
import { afterEach, describe, expect, it } from "vitest";

// The worker as production runs it: the package's start script, in the package's folder.
const workerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const startScript: string = JSON.parse(fs.readFileSync(path.join(workerDir, "package.json"), "utf8")).scripts
  .start;

interface Started {
  child: ChildProcess;
  marker: string;
  output: () => string;
}

const started: Started[] = [];

async function startWorker(): Promise<Started> {
  const [command, ...args] = startScript.split(" ");
  const executable =
    command === "node" ? process.execPath : path.resolve(workerDir, "../../node_modules/.bin", command!);
  // Every process this start creates carries the marker in its environment.
  const marker = randomUUID();
  const child = spawn(executable, args, {
    cwd: workerDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: process.env.DATABASE_URL,
      WORKER_JOBS: "emails,stripe-inbox",
      SETTLE_TEST_MARKER: marker,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const run = { child, marker, output: () => output };
  started.push(run);
  const deadline = Date.now() + 30_000;
  while (!output.includes("worker.started")) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`The worker did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return run;
}

/** The processes (pids) whose environment carries the marker. */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, "latin1").includes(`SETTLE_TEST_MARKER=${marker}`)) {
        found.push(Number(entry));
      }
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** Those of them that are Node processes (tsx's loader may add an esbuild service, its child). */
const nodeProcessesWith = (marker: string) =>
  processesWith(marker).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "node";
    } catch {
      return false;
    }
  });

async function nothingLeftWith(marker: string): Promise<number[]> {
  for (let i = 0; i < 50 && processesWith(marker).length > 0; i++)
    await new Promise((r) => setTimeout(r, 100));
  return processesWith(marker);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

async function connectionsToThisDatabase(): Promise<number> {
  const [row] = await getDb().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  return Number(row!.n);
}

afterEach(async () => {
  for (const run of started.splice(0)) {
    for (const pid of processesWith(run.marker)) process.kill(pid, "SIGKILL");
  }
});

describe("the worker process", () => {
  it("is one process: killing it leaves nothing running", async () => {
    const run = await startWorker();
    expect(nodeProcessesWith(run.marker)).toEqual([run.child.pid]);
    run.child.kill("SIGKILL");
    await exited(run.child);
    // What it started (if anything) goes with it.
    expect(await nothingLeftWith(run.marker)).toEqual([]);
  });

  it("on SIGTERM stops its queue, then closes the database pool, and exits cleanly", async () => {
    const before = await connectionsToThisDatabase();
    const run = await startWorker();
    expect(await connectionsToThisDatabase()).toBeGreaterThan(before);
    run.child.kill("SIGTERM");
    expect(await exited(run.child)).toBe(0);
    const log = run.output();
    expect(log.indexOf("worker.stopping")).toBeGreaterThan(-1);
    expect(log.indexOf("worker.stopped")).toBeGreaterThan(log.indexOf("worker.stopping"));
    expect(log).not.toMatch(/57P01|error/i);
    // Every connection it opened is closed, none left for the server to terminate.
    for (let i = 0; i < 50 && (await connectionsToThisDatabase()) > before; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await connectionsToThisDatabase()).toBe(before);
  });
});
