import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedServer } from "./embedded-server.ts";

const dataRoot = mkdtempSync(path.join(tmpdir(), "settle-embedded-"));
// Run as root, the package runs PostgreSQL as a `postgres` user, who must reach the folder.
chmodSync(dataRoot, 0o755);
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

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
  it("is reused by a second user, and its starter stops it only once nobody else is connected", async () => {
    const port = await freePort();
    const dataDir = path.join(dataRoot, "cluster");
    const first = await startEmbeddedServer({ dataDir, port });
    // A second run finds it running and shares it; its own stop leaves the server alone.
    const second = await startEmbeddedServer({ dataDir, port });
    const user = new pg.Client({ connectionString: second.adminUrl });
    await user.connect();
    await second.stop();
    expect(await answers(first.adminUrl)).toBe(true);

    // The starter finishes first: it waits while the other run is still connected.
    let stopped = false;
    const stopping = first.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(stopped).toBe(false);
    expect((await user.query("SELECT 1 AS one")).rows[0].one).toBe(1);

    await user.end();
    await stopping;
    expect(await answers(first.adminUrl)).toBe(false);
  }, 120_000);
});
