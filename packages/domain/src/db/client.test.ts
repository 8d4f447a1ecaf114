import { describe, expect, it } from "vitest";
import { statementName } from "./client.ts";

describe("statementName", () => {
  it("gives one SQL text one name, and different texts different names", () => {
    const a = statementName({ sql: "SELECT 1 WHERE $1::int = 1" });
    expect(a).toMatch(/^settle_[A-Za-z0-9_-]{27}$/);
    // PostgreSQL truncates identifiers at 63 bytes: two names must differ within them.
    expect(a.length).toBeLessThan(64);
    expect(statementName({ sql: "SELECT 1 WHERE $1::int = 1" })).toBe(a);
    expect(statementName({ sql: "SELECT 2 WHERE $1::int = 1" })).not.toBe(a);
  });

  it("stops naming new texts past its cap, and keeps the names it gave", () => {
    const first = statementName({ sql: "SELECT 'kept'" });
    for (let i = 0; i < 2_100; i++) statementName({ sql: `SELECT ${i}` });
    expect(statementName({ sql: "SELECT 'one too many'" })).toBe("");
    expect(statementName({ sql: "SELECT 'kept'" })).toBe(first);
  });
});
