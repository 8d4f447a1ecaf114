import { serveApp } from "@settle/web/serve.server";
import { env } from "./app/env.server.ts";

// Production entry (`npm start`): serves build/ with the client address and a CSP nonce per request.
await serveApp({
  appDir: import.meta.dirname,
  port: env.port,
  host: env.host,
  name: "Settle portal",
});
