import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/**
 * A folder for a test file's throwaway PostgreSQL clusters, removed after its tests. Run as root,
 * the embedded package runs PostgreSQL as a `postgres` user, who must reach the folder.
 */
export function scratchClusters(prefix: string): string {
  const root = mkdtempSync(path.join(tmpdir(), `settle-${prefix}-`));
  chmodSync(root, 0o755);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** A TCP port nothing listens on right now, for a cluster of its own. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}
