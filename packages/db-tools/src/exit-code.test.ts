import { spawnSync } from "node:child_process";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import { describe, expect, it } from "vitest";
import "./embedded-server.ts";

describe("loading the embedded PostgreSQL", () => {
  it("leaves no hook on the process's own end, only on signals", () => {
    expect(asyncExitHook.hookedEvents()).not.toContain("beforeExit");
    expect(asyncExitHook.hookedEvents()).not.toContain("exit");
    expect(asyncExitHook.hookedEvents()).toContain("SIGINT");
  });

  const tsx = path.resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");
  const run = (code: string) =>
    spawnSync(tsx, ["--eval", `import "${path.join(import.meta.dirname, "embedded-server.ts")}"; ${code}`], {
      encoding: "utf8",
      timeout: 60_000,
    });

  it("lets a process that sets a failure code and ends on its own exit with that code", () => {
    const failed = run("process.exitCode = 3;");
    expect(failed.status, failed.stderr).toBe(3);
  });

  it("lets a process that ends on its own without a code exit 0, with nothing on stderr", () => {
    const clean = run("setTimeout(() => {}, 10);");
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stderr).toBe("");
  });
});
