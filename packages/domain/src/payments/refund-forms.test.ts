import { describe, expect, it } from "vitest";
import { RejectRefundSchema, RequestRefundSchema, stripeRefundReason } from "./refund-forms.ts";

const base = { attemptId: "a", amount: "10.00", reason: "OVERPAYMENT", idempotencyKey: "key-12345" };

describe("refund forms", () => {
  it("needs a note only when the reason is Other", () => {
    expect(RequestRefundSchema.safeParse(base).success).toBe(true);
    const other = RequestRefundSchema.safeParse({ ...base, reason: "OTHER", note: "  " });
    expect(other.success).toBe(false);
    expect(other.error?.issues[0]?.path).toEqual(["note"]);
    expect(RequestRefundSchema.safeParse({ ...base, reason: "OTHER", note: "Goodwill" }).success).toBe(true);
  });

  it("refuses unknown reasons, empty amounts and short keys", () => {
    expect(RequestRefundSchema.safeParse({ ...base, reason: "FRAUD" }).success).toBe(false);
    expect(RequestRefundSchema.safeParse({ ...base, amount: " " }).success).toBe(false);
    expect(RequestRefundSchema.safeParse({ ...base, idempotencyKey: "k" }).success).toBe(false);
  });

  it("a rejection says why", () => {
    expect(RejectRefundSchema.safeParse({ attemptId: "a", refundId: "r", note: "" }).success).toBe(false);
    expect(
      RejectRefundSchema.safeParse({ attemptId: "a", refundId: "r", note: "Keep as credit" }).success,
    ).toBe(true);
  });

  it("maps reasons to Stripe's", () => {
    expect(stripeRefundReason("DUPLICATE_PAYMENT")).toBe("duplicate");
    expect(stripeRefundReason("WRONG_COMPANY")).toBe("requested_by_customer");
  });
});
