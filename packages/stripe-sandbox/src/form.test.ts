import { describe, expect, it } from "vitest";
import { StripeApiError } from "./errors.ts";
import { parseForm } from "./form.ts";
import { Params } from "./params.ts";

describe("parseForm", () => {
  it("decodes Stripe's bracketed nesting, indexed arrays and []", () => {
    const form = parseForm(
      "line_items[1][quantity]=2&line_items[0][price_data][product_data][name]=A%20%26%20B&line_items[0][quantity]=1&expand[]=x&expand[]=y&metadata[k]=v+w",
    );
    expect(form).toEqual({
      line_items: [{ price_data: { product_data: { name: "A & B" } }, quantity: "1" }, { quantity: "2" }],
      expand: ["x", "y"],
      metadata: { k: "v w" },
    });
  });

  it("rejects prototype keys and malformed brackets", () => {
    expect(() => parseForm("__proto__[x]=1")).toThrow(StripeApiError);
    expect(() => parseForm("a[b]c=1")).toThrow(/Invalid parameter name/);
    expect(Object.getPrototypeOf(parseForm("constructorx=1"))).toBeNull();
  });
});

describe("Params", () => {
  it("reports the first parameter nobody read, with its full path", () => {
    const p = new Params(
      parseForm("amount=100&payment_intent_data[metadta][a]=1&payment_intent_data[metadata][b]=2"),
    );
    p.int("amount");
    p.object("payment_intent_data")?.metadata();
    try {
      p.done();
      expect.unreachable();
    } catch (error) {
      expect((error as StripeApiError).body).toMatchObject({
        type: "invalid_request_error",
        code: "parameter_unknown",
        param: "payment_intent_data[metadta][a]",
        message: "Received unknown parameter: payment_intent_data[metadta][a]",
      });
    }
  });

  it("validates integers and required values with Stripe's messages", () => {
    expect(() => new Params(parseForm("amount=12.5")).int("amount")).toThrow("Invalid integer: 12.5");
    expect(() => new Params(parseForm("")).int("amount", { required: true })).toThrow(
      "Missing required param: amount.",
    );
    expect(new Params(parseForm("metadata=")).metadata()).toBeNull();
    expect(new Params(parseForm("created[gte]=5&created[lt]=9")).range("created")).toEqual({ gte: 5, lt: 9 });
  });
});
