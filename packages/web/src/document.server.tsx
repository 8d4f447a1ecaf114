import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import type { AppLoadContext, EntryContext } from "react-router";
import { isRouteErrorResponse, ServerRouter } from "react-router";
import { NonceProvider } from "./nonce.tsx";
import { applySecurityHeaders } from "./security-headers.server.ts";

/** How long a render may take before React gives up on it (React Router reads `streamTimeout`). */
export const STREAM_TIMEOUT_MS = 5_000;

/** The production server provides a nonce per request; `react-router dev` does not, so make one. */
export function nonceOf(loadContext: Partial<AppLoadContext> | undefined): string {
  return loadContext?.nonce || randomBytes(16).toString("base64");
}

export interface DocumentOptions {
  /** HSTS only where the deployment says it is production. */
  production: boolean;
  /** Vite's dev server needs a relaxed CSP. */
  devServer: boolean;
  /** Origins forms may lead to besides the app, e.g. Stripe Checkout after the portal's Pay. */
  formActionSources?: readonly string[];
}

/**
 * The HTML document of a request, rendered completely and sent as one body with a length.
 *
 * Settle's loaders finish before rendering starts and no page suspends, so React's shell is the
 * whole page: streaming it would only cut the same bytes into many small writes (each a system
 * call, and on some hosts a costly one) and drop Content-Length. One buffer is as fast for the
 * reader and cheaper for the server.
 */
export function renderDocument(
  request: Request,
  status: number,
  headers: Headers,
  routerContext: EntryContext,
  loadContext: Partial<AppLoadContext> | undefined,
  options: DocumentOptions,
): Promise<Response> {
  const nonce = nonceOf(loadContext);
  applySecurityHeaders(headers, {
    nonce,
    production: options.production,
    devServer: options.devServer,
    formActionSources: options.formActionSources,
  });
  if (request.method.toUpperCase() === "HEAD")
    return Promise.resolve(new Response(null, { status, headers }));

  return new Promise<Response>((resolve, reject) => {
    let statusCode = status;
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const body = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        clearTimeout(timeout);
        const html = Buffer.concat(chunks);
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Content-Length", String(html.byteLength));
        resolve(new Response(html, { status: statusCode, headers }));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          statusCode = 500;
          // Errors before the shell is ready reject above and are logged by React Router.
          if (shellRendered) console.error(error);
        },
      },
    );
    const timeout = setTimeout(() => abort(), STREAM_TIMEOUT_MS + 1000);
  });
}

/** Client navigations fetch loader data (.data requests): they get the same security headers. */
export function secureDataResponse(
  response: Response,
  loadContext: Partial<AppLoadContext> | undefined,
  options: DocumentOptions,
): Response {
  applySecurityHeaders(response.headers, {
    nonce: nonceOf(loadContext),
    production: options.production,
    devServer: options.devServer,
    formActionSources: options.formActionSources,
  });
  return response;
}

/**
 * Logs unexpected server errors once. Aborted requests are not errors, nor are the 4xx responses
 * routes throw on purpose (not found, forbidden).
 */
export function logServerError(error: unknown, request: Request): void {
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  console.error(error);
}
