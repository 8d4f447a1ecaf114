import { describe, expect, it } from "vitest";
import { applySecurityHeaders } from "./security-headers.server.ts";

const cspOf = (options: Parameters<typeof applySecurityHeaders>[1]) => {
  const headers = new Headers();
  applySecurityHeaders(headers, options);
  return headers.get("Content-Security-Policy") ?? "";
};

describe("applySecurityHeaders", () => {
  it("lets forms lead only to the app, unless an origin is named (a hosted payment page)", () => {
    expect(cspOf({ nonce: "n", production: true })).toContain("form-action 'self';");
    expect(
      cspOf({ nonce: "n", production: true, formActionSources: ["https://checkout.stripe.com"] }),
    ).toContain("form-action 'self' https://checkout.stripe.com;");
  });
});
