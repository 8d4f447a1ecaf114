import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { NonceProvider } from "@settle/web/nonce";
import { applySecurityHeaders } from "@settle/web/security-headers.server";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import type {
  AppLoadContext,
  EntryContext,
  HandleDataRequestFunction,
  HandleErrorFunction,
} from "react-router";
import { ServerRouter } from "react-router";
import { env } from "./env.server.ts";

export const streamTimeout = 5_000;

/** The production server provides a nonce per request; `react-router dev` does not, so make one. */
function nonceOf(loadContext: AppLoadContext | undefined): string {
  const given = (loadContext as Partial<AppLoadContext> | undefined)?.nonce;
  return given || randomBytes(16).toString("base64");
}

// HSTS only where the deployment says it is production; Vite's dev server relaxes the CSP.
const production = env.isProduction;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = nonceOf(loadContext);
  applySecurityHeaders(responseHeaders, { nonce, production, devServer: import.meta.env.DEV });

  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    // Crawlers get the complete page at once; browsers get the shell as soon as it is ready.
    const readyOption =
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
          // Errors before the shell reject above and are logged by React Router.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}

/** Client navigations fetch loader data (.data requests): they get the same headers. */
export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  applySecurityHeaders(response.headers, {
    nonce: nonceOf(context),
    production,
    devServer: import.meta.env.DEV,
  });
  return response;
};

/** Unexpected errors are logged on the server (the user sees a generic page); aborted requests are not errors. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  console.error(error);
};
