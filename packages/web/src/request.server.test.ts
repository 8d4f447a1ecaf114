import { describe, expect, it } from "vitest";
import { pageUrl, safeRedirect } from "./request.server.ts";

const href = (url: string) => {
  const u = pageUrl(new Request(url));
  return `${u.pathname}${u.search}`;
};

describe("pageUrl", () => {
  it("is the page a client navigation's data request is for", () => {
    expect(href("http://x/accounts/1/statement.data?view=open&_routes=routes%2Fstatement")).toBe(
      "/accounts/1/statement?view=open",
    );
    expect(href("http://x/_root.data?_routes=root")).toBe("/");
    expect(href("http://x/customers.data?q=a&index")).toBe("/customers?q=a");
  });

  it("leaves a document request and a page's own parameters as they are", () => {
    expect(href("http://x/accounts/1/invoices?status=overdue&page=2")).toBe(
      "/accounts/1/invoices?status=overdue&page=2",
    );
    expect(href("http://x/statement.csv?from=2026-01-01")).toBe("/statement.csv?from=2026-01-01");
    expect(href("http://x/list?index=3")).toBe("/list?index=3");
  });
});

describe("safeRedirect", () => {
  it("allows paths of the app only", () => {
    expect(safeRedirect("/accounts/1")).toBe("/accounts/1");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example", "/home")).toBe("/home");
    expect(safeRedirect("/\\evil")).toBe("/");
  });
});
