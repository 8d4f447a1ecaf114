import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import type { EmbeddedServerOptions, RunningServer } from "./embedded-server.ts";

const MAIN = path.join(import.meta.dirname, "database-process-main.ts");

/**
 * Runs the embedded PostgreSQL from a process of its own, in its own process group, for a
 * launcher that starts services on it (`npm start`). Ctrl+C in a terminal signals the whole
 * foreground group: a server started in the launcher's own process would get it too and cut the
 * services' connections (57P01) while they are still closing them. This one stops only when
 * asked (`stop()`, after the services), or when the launcher is gone (its stdin closes).
 */
export async function startDatabaseProcess(options: EmbeddedServerOptions): Promise<RunningServer> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, options.dataDir, String(options.port)], {
    detached: true,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = once(child, "exit");
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, "line").then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`The database process ended before PostgreSQL was ready (exit ${code}).`);
    }),
  ]);
  // Anything it says later (a shared server's wait) goes to the launcher's output.
  lines.on("line", (line) => console.log(line));
  const { adminUrl } = JSON.parse(first) as { adminUrl: string };
  return {
    adminUrl,
    urlFor(database) {
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      return url.toString();
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
