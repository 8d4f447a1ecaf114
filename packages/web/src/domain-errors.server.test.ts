import { DomainError } from "@settle/domain/errors";
import { describe, expect, it } from "vitest";
import { load } from "./domain-errors.server.ts";

async function thrown(run: () => Promise<unknown>) {
  try {
    await load(run);
  } catch (error) {
    const { data, init } = error as { data: unknown; init: ResponseInit };
    return { status: init.status, data };
  }
  throw new Error("Expected load to throw a response");
}

describe("load", () => {
  it("answers a refusal with its status, reason and values, for the page to explain", async () => {
    const refused = await thrown(async () => {
      throw new DomainError("VALIDATION", "Invoice INV-1 is already paid.", {
        reason: "already-paid",
        number: "INV-1",
        field: "x",
      });
    });
    expect(refused).toEqual({
      status: 400,
      data: {
        message: "Invoice INV-1 is already paid.",
        code: "VALIDATION",
        reason: "already-paid",
        values: { number: "INV-1" },
      },
    });
  });

  it("never says more than not found", async () => {
    const missing = await thrown(async () => {
      throw new DomainError("NOT_FOUND", "Invoice not found.", { reason: "unknown-invoice" });
    });
    expect(missing).toEqual({ status: 404, data: { message: "Invoice not found.", code: "NOT_FOUND" } });
  });
});
