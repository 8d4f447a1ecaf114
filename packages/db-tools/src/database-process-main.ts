/**
 * The database process of `startDatabaseProcess`: starts (or shares) the embedded server, prints
 * its admin URL as one JSON line, and stops it on SIGTERM or when the launcher's end of stdin
 * closes (the launcher ended without asking).
 */
import { leaveSignalsToCaller, startEmbeddedServer } from "./embedded-server.ts";

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedServer({ dataDir: String(dataDir), port: Number(port) });
leaveSignalsToCaller();
console.log(JSON.stringify({ adminUrl: server.adminUrl }));
await new Promise<void>((resolve) => {
  process.once("SIGTERM", () => resolve());
  process.stdin.once("end", () => resolve());
  process.stdin.resume();
});
await server.stop();
process.exit(0);
