import {
  logServerError,
  renderDocument,
  STREAM_TIMEOUT_MS,
  secureDataResponse,
} from "@settle/web/document.server";
import type { DirectHandler } from "@settle/web/serve.server";
import type {
  AppLoadContext,
  EntryContext,
  HandleDataRequestFunction,
  HandleErrorFunction,
} from "react-router";
import { env } from "./env.server";
import { toLocale } from "./lib/locale";
import { stripeWebhookHandler } from "./stripe-webhook.server";

export const streamTimeout = STREAM_TIMEOUT_MS;

const documentOptions = {
  production: env.isProduction,
  devServer: import.meta.env.DEV,
  // Pay posts to the portal, which redirects to Stripe's hosted page: browsers check that
  // redirect against form-action when the form was sent without JavaScript.
  formActionSources: [env.stripe.checkoutOrigin],
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The root loader chose the page's language (it also sets <html lang>); say so to caches and tools.
  const rootData = routerContext.staticHandlerContext.loaderData.root as { locale?: unknown } | undefined;
  const locale = toLocale(rootData?.locale);
  if (locale) responseHeaders.set("Content-Language", locale);
  return renderDocument(
    request,
    responseStatusCode,
    responseHeaders,
    routerContext,
    loadContext,
    documentOptions,
  );
}

export const handleDataRequest: HandleDataRequestFunction = (response, { context }) =>
  secureDataResponse(response, context, documentOptions);

/** Answered by the production server before React Router (see serveApp). */
export const directHandlers: DirectHandler[] = [stripeWebhookHandler];

export const handleError: HandleErrorFunction = (error, { request }) => logServerError(error, request);
