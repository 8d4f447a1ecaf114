/**
 * For integration tests of route modules, in both apps: loader and action arguments as React
 * Router passes them (a same-origin request, forms with a valid CSRF token), and what a loader or
 * action answered, however it answered (returned or thrown Response, `data()`, plain value).
 */

export type FormFields = Record<string, string | File> | [string, string | File][] | FormData;

export interface RouteCallOptions {
  /** The session cookie (or any cookies) the browser sends. */
  cookie?: string;
  /** The route's URL parameters. */
  params?: Record<string, string>;
  /** Posts these fields with a valid CSRF token (a GET without). */
  form?: FormFields;
  /** Posts the form without a CSRF token (for tests of the refusal). */
  withoutCsrf?: boolean;
  /** The client's address as the server sees it. */
  clientAddress?: string;
  /** Further request headers (e.g. accept-language). */
  headers?: Record<string, string>;
}

export interface RouteApp {
  /** The app's origin, e.g. http://127.0.0.1:3001. */
  base: string;
  /** The app's CSRF token issuer (the cookie it sets binds the token). */
  csrf: (request: Request) => { token: string; setCookie?: string };
  /** Parameters every call gets unless it names them (e.g. the customer of the account pages). */
  params?: () => Record<string, string>;
}

function append(form: FormData, fields: FormFields): void {
  if (fields instanceof FormData) {
    for (const [k, v] of fields) form.append(k, v);
    return;
  }
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  for (const [k, v] of entries) form.append(k, v);
}

/** Builds route arguments for one app: `call(url, { cookie, form })` as `loader(call(...))`. */
export function routeCaller(app: RouteApp) {
  return function call<T>(url: string, options: RouteCallOptions = {}): T {
    const headers = new Headers({
      "user-agent": "vitest",
      origin: app.base,
      "sec-fetch-site": "same-origin",
      ...options.headers,
    });
    let cookies = options.cookie ?? "";
    let body: FormData | undefined;
    if (options.form) {
      body = new FormData();
      if (!options.withoutCsrf) {
        const csrf = app.csrf(new Request(app.base, { headers: cookies ? { cookie: cookies } : {} }));
        if (csrf.setCookie) cookies = [cookies, csrf.setCookie.split(";")[0]].filter(Boolean).join("; ");
        body.set("csrf", csrf.token);
      }
      append(body, options.form);
    }
    if (cookies) headers.set("cookie", cookies);
    const request = new Request(`${app.base}${url}`, { method: body ? "POST" : "GET", headers, body });
    return {
      request,
      params: { ...app.params?.(), ...options.params },
      context: { clientAddress: options.clientAddress ?? "127.0.0.9", nonce: "n" },
    } as T;
  };
}

/** The cookies a browser holds: name → value, updated from Set-Cookie headers. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Keeps what Set-Cookie sets; a cookie set empty or with Max-Age=0 is dropped. */
  take(headers: Headers): this {
    for (const line of headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/Max-Age=0\b/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return this;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** The Cookie header the browser sends (`cookie` of a route call). */
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export interface RouteOutcome<Data = Record<string, unknown>> {
  status: number;
  /** Where a redirect goes. */
  location: string | null;
  headers: Headers;
  /** What the page receives (null for a Response). */
  data: Data | null;
  /** The Response itself, to read its body (null for data). */
  response: Response | null;
}

/** What a loader or action answered: its status, redirect, headers and data. */
export async function outcome<Data = Record<string, unknown>>(
  run: Promise<unknown>,
): Promise<RouteOutcome<Data>> {
  let result: unknown;
  try {
    result = await run;
  } catch (error) {
    result = error;
  }
  if (result instanceof Response) {
    return {
      status: result.status,
      location: result.headers.get("location"),
      headers: result.headers,
      data: null,
      response: result,
    };
  }
  const wrapped = result as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (wrapped && typeof wrapped === "object" && wrapped.type === "DataWithResponseInit") {
    const headers = new Headers(wrapped.init?.headers);
    return {
      status: wrapped.init?.status ?? 200,
      location: headers.get("location"),
      headers,
      data: wrapped.data as Data,
      response: null,
    };
  }
  if (result instanceof Error) throw result;
  return { status: 200, location: null, headers: new Headers(), data: result as Data, response: null };
}

/**
 * What people and scripts put in search boxes and URLs that has broken pages before: NUL and other
 * control characters, LIKE's wildcards and escape character, an SQL-looking string, a
 * non-character, a lone surrogate and a long run. Each app's hostile-input test sends every one
 * to every search and filter parameter, beside random strings.
 */
export const TROUBLEMAKERS: readonly string[] = [
  "\u0000",
  "a\u0000b",
  "\\",
  "abc\\",
  "%",
  "_",
  "%_\\",
  "'; --",
  "\uFFFF",
  "\uD800",
  "x".repeat(5000),
];
