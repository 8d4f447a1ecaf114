import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freePort, scratchClusters } from "./scratch-clusters.test-support.ts";

const LAUNCHER = path.join(import.meta.dirname, "launcher.fixture.ts");
const dataRoot = scratchClusters("stop-order");

/**
 * Runs the launcher fixture in its own process group, presses Ctrl+C (SIGINT to the group, as a
 * terminal does) once its service is querying, and returns everything it printed.
 */
async function pressCtrlC(cluster: string, mode?: string): Promise<{ output: string; port: number }> {
  const port = await freePort();
  const args = ["--import", "tsx", LAUNCHER, path.join(dataRoot, cluster), String(port)];
  const launcher = spawn(process.execPath, mode ? [...args, mode] : args, {
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const ready = new Promise<void>((resolve) => {
    launcher.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve();
    });
  });
  await ready;
  // Let a query be in flight, as in a running worker.
  await new Promise((resolve) => setTimeout(resolve, 450));
  process.kill(-launcher.pid!, "SIGINT");
  if (launcher.exitCode === null) await once(launcher, "exit");
  // The service may still be writing its last line after the launcher is gone.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { output, port };
}

async function answers(port: number): Promise<boolean> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "settle",
    password: "settle",
    database: "postgres",
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("stopping a launcher with Ctrl+C", () => {
  it("stops its services first and the database after them: no connection is cut (57P01)", async () => {
    const { output, port } = await pressCtrlC("in-order");
    expect(output).toContain("closed");
    expect(output).toContain("stopped");
    expect(output).not.toMatch(/error/);
    // And the server is gone with it.
    expect(await answers(port)).toBe(false);
  }, 120_000);

  it("(a server in the launcher's own process, as before) has its connections cut by the same Ctrl+C", async () => {
    const { output } = await pressCtrlC("in-process", "--in-process");
    expect(output).toMatch(/error (57P01|57P03|ECONNRESET|Connection terminated)/);
  }, 120_000);
});
