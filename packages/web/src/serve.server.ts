import { randomBytes } from "node:crypto";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestListener } from "@remix-run/node-fetch-server";
import { createRequestHandler, type ServerBuild } from "react-router";

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

interface StaticFile {
  file: string;
  size: number;
  type: string;
  cacheControl: string;
}

/**
 * The client build's files by URL path, read once at startup (the build does not change while
 * the server runs), so a page request costs no file-system call to learn it is not a file.
 */
export function indexStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        continue;
      }
      if (!entry.isFile()) continue;
      const pathname = `/${path.relative(root, file).split(path.sep).join("/")}`;
      files.set(pathname, {
        file,
        size: statSync(file).size,
        type: TYPES[path.extname(file)] ?? "application/octet-stream",
        cacheControl: pathname.startsWith("/assets/")
          ? "public, max-age=31536000, immutable"
          : "public, max-age=3600",
      });
    }
  };
  if (existsSync(root)) walk(root);
  return files;
}

/** Serves a file from the client build, or returns false. Fingerprinted /assets are immutable. */
function serveStatic(files: Map<string, StaticFile>, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const raw = req.url ?? "/";
  const query = raw.indexOf("?");
  let pathname: string;
  try {
    pathname = decodeURIComponent(query === -1 ? raw : raw.slice(0, query));
  } catch {
    return false;
  }
  const found = files.get(pathname);
  if (!found) return false;
  res.setHeader("Content-Type", found.type);
  res.setHeader("Content-Length", found.size);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Cache-Control", found.cacheControl);
  if (req.method === "HEAD") res.end();
  else createReadStream(found.file).pipe(res);
  return true;
}

/**
 * A request the server answers itself, before React Router: endpoints for machines that need the
 * raw body and none of the page machinery (Stripe's webhook). The app's entry.server exports them
 * as `directHandlers`, so they share the server build's modules (one database pool, one config).
 */
export interface DirectHandler {
  method: string;
  /** Exact path, without the query. */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export interface ServeOptions {
  /** The app folder (holding build/server and build/client). */
  appDir: string;
  port: number;
  host?: string;
  name: string;
}

/**
 * Production server for a React Router app: the app's direct handlers, static client assets, then
 * the server build through Node's own http module. Used instead of react-router-serve so loaders receive the client address (for rate
 * limits) and a per-request CSP nonce.
 */
export async function serveApp(options: ServeOptions) {
  const build = (await import(
    pathToFileURL(path.join(options.appDir, "build/server/index.js")).href
  )) as ServerBuild;
  const staticFiles = indexStaticFiles(path.join(options.appDir, "build/client"));
  const entry = build.entry.module as { directHandlers?: DirectHandler[] };
  const handleRequest = createRequestHandler(build, "production");
  const handle = createRequestListener((request, client) =>
    handleRequest(request, { clientAddress: client.address, nonce: randomBytes(16).toString("base64") }),
  );
  const direct = new Map((entry.directHandlers ?? []).map((h) => [`${h.method} ${h.path}`, h]));
  const server = createServer((req, res) => {
    if (direct.size > 0) {
      const url = req.url ?? "/";
      const query = url.indexOf("?");
      const handler = direct.get(`${req.method} ${query === -1 ? url : url.slice(0, query)}`);
      if (handler) return handler.handle(req, res);
    }
    if (serveStatic(staticFiles, req, res)) return;
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
