/**
 * Test fixture: another process that uses a running embedded server (as a second test run would),
 * prints "ready", and leaves when it gets SIGTERM. Used by embedded-server.integration.test.ts.
 */
import { startEmbeddedServer } from "./embedded-server.ts";

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedServer({ dataDir: String(dataDir), port: Number(port) });
console.log("ready");
process.once("SIGTERM", () => {
  void server.stop().then(() => process.exit(0));
});
setInterval(() => {}, 60_000);
