/**
 * Security headers for every document and data response. Scripts need the per-request nonce
 * (React Router's inline hydration scripts carry it).
 */
export function applySecurityHeaders(
  headers: Headers,
  options: {
    nonce: string;
    production: boolean;
    devServer?: boolean;
    /** Origins a form may lead to besides the app (a POST that redirects to a hosted payment page). */
    formActionSources?: readonly string[];
  },
) {
  const scriptSrc = [`'self'`, `'nonce-${options.nonce}'`];
  const connectSrc = [`'self'`];
  if (options.devServer) {
    // Vite's dev server injects its client and talks over a websocket.
    scriptSrc.push(`'unsafe-inline'`);
    connectSrc.push("ws:", "wss:");
  }
  const csp = [
    `default-src 'self'`,
    `script-src ${options.devServer ? `'self' 'unsafe-inline'` : scriptSrc.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src ${connectSrc.join(" ")}`,
    `form-action ${["'self'", ...(options.formActionSources ?? [])].join(" ")}`,
    `frame-ancestors 'none'`,
    `base-uri 'self'`,
    `object-src 'none'`,
  ].join("; ");
  headers.set("Content-Security-Policy", csp);
  headers.set("X-Frame-Options", "DENY");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(self)");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (options.production) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
