import { describe, expect, it } from "vitest";
import { EnterSignInCodeSchema, RequestSignInCodeSchema } from "./sign-in-forms.ts";

describe("RequestSignInCodeSchema", () => {
  it("normalizes the address", () => {
    expect(RequestSignInCodeSchema.parse({ email: "  Clerk@Acme.Example " })).toEqual({
      email: "clerk@acme.example",
    });
  });

  it("rejects what is not an address", () => {
    for (const email of ["", "clerk", "clerk@", "two words@acme.example", undefined]) {
      expect(RequestSignInCodeSchema.safeParse({ email }).success, String(email)).toBe(false);
    }
  });
});

describe("EnterSignInCodeSchema", () => {
  it("accepts a pasted code with spaces", () => {
    expect(EnterSignInCodeSchema.parse({ code: " 482 913 " })).toEqual({ code: "482913" });
  });

  it("rejects anything but six digits", () => {
    for (const code of ["48291", "4829134", "48291a", "", undefined]) {
      expect(EnterSignInCodeSchema.safeParse({ code }).success, String(code)).toBe(false);
    }
  });
});
