import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { indexStaticFiles } from "./serve.server.ts";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe("indexStaticFiles", () => {
  it("maps the client build's files by URL path with type, size and caching", () => {
    root = mkdtempSync(path.join(tmpdir(), "settle-static-"));
    mkdirSync(path.join(root, "assets"));
    writeFileSync(path.join(root, "assets", "root-AbC123.js"), "console.log(1);");
    writeFileSync(path.join(root, "favicon.svg"), "<svg/>");
    const files = indexStaticFiles(root);
    expect([...files.keys()].sort()).toEqual(["/assets/root-AbC123.js", "/favicon.svg"]);
    expect(files.get("/assets/root-AbC123.js")).toMatchObject({
      size: 15,
      type: "text/javascript; charset=utf-8",
      cacheControl: "public, max-age=31536000, immutable",
    });
    expect(files.get("/favicon.svg")).toMatchObject({
      type: "image/svg+xml",
      cacheControl: "public, max-age=3600",
    });
    // Only files of the build are served: nothing outside it, no folders.
    expect(files.has("/assets")).toBe(false);
    expect(files.has("/../package.json")).toBe(false);
  });

  it("is empty when there is no client build", () => {
    expect(indexStaticFiles(path.join(tmpdir(), "settle-no-such-build")).size).toBe(0);
  });
});
