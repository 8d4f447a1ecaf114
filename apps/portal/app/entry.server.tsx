import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { NonceProvider } from "@settle/web/nonce";
import { applySecurityHeaders } from "@settle/web/security-headers.server";
import { isbot } from "isbot";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "react-router";
import { isRouteErrorResponse, ServerRouter } from "react-router";
import { env } from "./env.server";
import { toLocale } from "./lib/locale";

export const streamTimeout = 5_000;

// `react-router dev` passes no load context: fall back to a fresh nonce there.
const nonceOf = (context: Partial<AppLoadContext> | undefined) =>
  context?.nonce || randomBytes(16).toString("base64");

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = nonceOf(loadContext);
  applySecurityHeaders(responseHeaders, {
    nonce,
    production: env.isProduction,
    devServer: import.meta.env.DEV,
  });
  // The root loader chose the page's language (it also sets <html lang>); say so to caches and tools.
  const rootData = routerContext.staticHandlerContext.loaderData.root as { locale?: unknown } | undefined;
  const locale = toLocale(rootData?.locale);
  if (locale) responseHeaders.set("Content-Language", locale);
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    // Crawlers get the whole page at once; people get the shell as soon as it is ready.
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(
      () => abort(),
      streamTimeout + 1000,
    );

    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyOption]() {
          shellRendered = true;
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId);
              timeoutId = undefined;
              callback();
            },
          });
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          pipe(body);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready are logged by React Router itself.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}

/** Data requests (client navigations) get the same headers as documents. */
export function handleDataRequest(response: Response, { context }: { context: AppLoadContext }) {
  applySecurityHeaders(response.headers, {
    nonce: nonceOf(context),
    production: env.isProduction,
    devServer: import.meta.env.DEV,
  });
  return response;
}

/** Logs unexpected server errors once; 4xx responses thrown on purpose are not errors. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  console.error(error);
};
