import { clientIp } from "@settle/web/request.server";
import type { AppLoadContext } from "react-router";
import { env } from "./env.server.ts";

/**
 * The client address for rate limits. The production server puts the TCP peer into the load
 * context; under `react-router dev` the context is empty, so it falls back to "unknown".
 */
export function clientAddress(request: Request, context: AppLoadContext | undefined): string {
  const peer = (context as Partial<AppLoadContext> | undefined)?.clientAddress;
  return clientIp(request, peer, env.trustProxy);
}
