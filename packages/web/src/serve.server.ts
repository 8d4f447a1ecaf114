import { randomBytes } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestListener } from "@react-router/node";
import type { ServerBuild } from "react-router";

declare module "react-router" {
  interface AppLoadContext {
    /** The TCP peer's address (proxies: see clientIp in request.server.ts). */
    clientAddress: string;
    /** CSP nonce for this request's inline scripts. */
    nonce: string;
  }
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};

/** Serves a file from the client build, or returns false. Fingerprinted /assets are immutable. */
function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  } catch {
    return false;
  }
  const file = path.join(root, path.normalize(pathname));
  if (!file.startsWith(root + path.sep)) return false;
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return false;
    size = stat.size;
  } catch {
    return false;
  }
  res.setHeader("Content-Type", TYPES[path.extname(file)] ?? "application/octet-stream");
  res.setHeader("Content-Length", size);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader(
    "Cache-Control",
    pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
  );
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
  return true;
}

export interface ServeOptions {
  /** The app folder (holding build/server and build/client). */
  appDir: string;
  port: number;
  host?: string;
  name: string;
}

/**
 * Production server for a React Router app: static client assets plus the server build through
 * Node's own http module. Used instead of react-router-serve so loaders receive the client
 * address (for rate limits) and a per-request CSP nonce.
 */
export async function serveApp(options: ServeOptions) {
  const build = (await import(
    pathToFileURL(path.join(options.appDir, "build/server/index.js")).href
  )) as ServerBuild;
  const clientRoot = path.join(options.appDir, "build/client");
  const handle = createRequestListener({
    build,
    mode: "production",
    getLoadContext: (_request, client) => ({
      clientAddress: client.address,
      nonce: randomBytes(16).toString("base64"),
    }),
  });
  const server = createServer((req, res) => {
    if (serveStatic(clientRoot, req, res)) return;
    handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "0.0.0.0", resolve));
  console.log(`${options.name} listening on http://localhost:${options.port}`);
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}
