import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedServer } from "./embedded-server.ts";
import { freePort, scratchClusters } from "./scratch-clusters.test-support.ts";

const FIXTURE = path.join(import.meta.dirname, "embedded-server-user.fixture.ts");
const dataRoot = scratchClusters("embedded");

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("embedded PostgreSQL shared by two processes", () => {
  it("is reused by a second user, and its starter stops it only once nobody else uses it", async () => {
    const port = await freePort();
    const dataDir = path.join(dataRoot, "cluster");
    const first = await startEmbeddedServer({ dataDir, port });
    // A second run (another process) finds it running and shares it.
    const second = spawn(process.execPath, ["--import", "tsx", FIXTURE, dataDir, String(port)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [line] = (await once(second.stdout!, "data")) as [Buffer];
    expect(line.toString()).toContain("ready");

    // The starter finishes first: it waits while the other run still uses the server, even at a
    // moment when that run has no connection open (between two test files).
    let stopped = false;
    const stopping = first.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(stopped).toBe(false);
    const client = new pg.Client({ connectionString: first.adminUrl });
    await client.connect();
    expect((await client.query("SELECT 1 AS one")).rows[0].one).toBe(1);
    await client.end();

    // The other run is done: it leaves, and the starter's stop goes through.
    second.kill("SIGTERM");
    await once(second, "exit");
    await stopping;
    expect(await answers(first.adminUrl)).toBe(false);
  }, 120_000);
});

describe("embedded PostgreSQL that cannot start", () => {
  it("says why when its data directory is already served on another port", async () => {
    const dataDir = path.join(dataRoot, "busy");
    const running = await startEmbeddedServer({ dataDir, port: await freePort() });
    try {
      await expect(startEmbeddedServer({ dataDir, port: await freePort() })).rejects.toThrow(
        /PostgreSQL did not start on port \d+ with data in .*busy.*another PostgreSQL using that data directory/,
      );
    } finally {
      await running.stop();
    }
  }, 120_000);
});
