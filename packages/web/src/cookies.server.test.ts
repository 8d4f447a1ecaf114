import { createCookie } from "react-router";
import { describe, expect, it } from "vitest";
import { readCookie, signedCookie } from "./cookies.server.ts";

const secret = "a-secret-of-the-tests-that-is-long-enough";

describe("readCookie", () => {
  it("finds one cookie among several, decoded", () => {
    expect(readCookie("a=1; b=x%3Dy; c=3", "b")).toBe("x=y");
    expect(readCookie('a="quoted"', "a")).toBe("quoted");
    expect(readCookie("ab=1", "a")).toBeUndefined();
    expect(readCookie("a=%E0%A4%A", "a")).toBeUndefined();
    expect(readCookie(null, "a")).toBeUndefined();
  });
});

describe("signedCookie", () => {
  const cookie = signedCookie("sid", { secrets: [secret], httpOnly: true, secure: true, maxAge: 60 });
  const header = (setCookie: string) => setCookie.split(";")[0] as string;

  it("reads what it wrote and refuses anything else", () => {
    const set = cookie.serialize("tok_ABC-123");
    expect(set).toMatch(/^sid=[^;]+; Path=\/; Max-Age=60; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookie.parse(header(set))).toBe("tok_ABC-123");
    expect(cookie.parse(`other=1; ${header(set)}`)).toBe("tok_ABC-123");
    const other = signedCookie("sid", { secrets: ["another-secret-entirely-different-here"] });
    expect(other.parse(header(set))).toBeNull();
    const [value, signature] = decodeURIComponent(header(set).slice(4)).split(".");
    const forged = Buffer.from(JSON.stringify("someone-else"), "latin1").toString("base64");
    expect(cookie.parse(`sid=${encodeURIComponent(`${forged}.${signature}`)}`)).toBeNull();
    expect(cookie.parse(`sid=${value}`)).toBeNull();
    expect(cookie.parse("sid=")).toBeNull();
    expect(cookie.parse(undefined)).toBeNull();
  });

  it("accepts an older key while a new one signs", () => {
    const old = signedCookie("sid", { secrets: ["the-previous-secret-of-the-app-1234"] });
    const rotated = signedCookie("sid", { secrets: [secret, "the-previous-secret-of-the-app-1234"] });
    expect(rotated.parse(header(old.serialize("tok")))).toBe("tok");
  });

  it("clears the cookie for an empty value and honours an explicit expiry", () => {
    expect(cookie.serialize("")).toMatch(/^sid=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    const until = new Date("2030-01-02T03:04:05Z");
    expect(cookie.serialize("tok", { expires: until })).toContain("Expires=Wed, 02 Jan 2030 03:04:05 GMT");
  });

  it("reads and writes React Router's signed cookie format", async () => {
    const rr = createCookie("sid", { secrets: [secret] });
    expect(cookie.parse(header(await rr.serialize("tok_from_rr")))).toBe("tok_from_rr");
    expect(await rr.parse(header(cookie.serialize("tok_from_us")))).toBe("tok_from_us");
  });
});
