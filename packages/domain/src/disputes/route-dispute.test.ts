import { describe, expect, it } from "vitest";
import { type MatrixRule, pickRule } from "./route-dispute.ts";

const entity = "11111111-1111-4111-8111-111111111111";
const otherEntity = "22222222-2222-4222-8222-222222222222";
let n = 0;
const rule = (overrides: Partial<MatrixRule>): MatrixRule => ({
  id: `rule-${++n}`,
  reason: "PRICING",
  legalEntityId: null,
  currency: null,
  minAmount: null,
  maxAmount: null,
  departmentId: "pricing",
  ownerId: null,
  deadlineDays: 5,
  createdAt: new Date(Date.UTC(2026, 0, n)),
  ...overrides,
});

const facts = (amount: bigint, legalEntityId = entity) => ({
  reason: "PRICING" as const,
  legalEntityId,
  currency: "USD",
  amount,
});

describe("pickRule", () => {
  const generic = rule({ departmentId: "pricing" });
  const big = rule({ currency: "USD", minAmount: 1_000_00n, departmentId: "sales" });
  const entityRule = rule({ legalEntityId: entity, ownerId: "owner", departmentId: null });
  const entityBand = rule({
    legalEntityId: entity,
    currency: "USD",
    minAmount: 0n,
    maxAmount: 500_00n,
    ownerId: "junior",
  });
  const tax = rule({ reason: "TAX", departmentId: "tax" });
  const rules = [generic, big, entityRule, entityBand, tax];

  it("the most specific matching rule wins: entity and band, then entity, then band, then generic", () => {
    expect(pickRule(rules, facts(100_00n))?.id).toBe(entityBand.id);
    expect(pickRule(rules, facts(2_000_00n))?.id).toBe(entityRule.id);
    expect(pickRule(rules, facts(2_000_00n, otherEntity))?.id).toBe(big.id);
    expect(pickRule(rules, facts(100_00n, otherEntity))?.id).toBe(generic.id);
  });

  it("bands include their minimum and exclude their maximum, in their own currency only", () => {
    expect(pickRule(rules, facts(500_00n))?.id).toBe(entityRule.id);
    expect(pickRule(rules, facts(499_99n))?.id).toBe(entityBand.id);
    expect(pickRule(rules, { ...facts(2_000_00n, otherEntity), currency: "EUR" })?.id).toBe(generic.id);
  });

  it("between equally specific rules the narrower band, then the older rule wins; no match is null", () => {
    const wide = rule({ currency: "USD", minAmount: 0n, maxAmount: 10_000_00n, departmentId: "wide" });
    const narrow = rule({ currency: "USD", minAmount: 0n, maxAmount: 1_000_00n, departmentId: "narrow" });
    const twin = rule({ currency: "USD", minAmount: 0n, maxAmount: 1_000_00n, departmentId: "twin" });
    expect(pickRule([wide, twin, narrow], facts(10_00n, otherEntity))?.id).toBe(narrow.id);
    expect(pickRule([tax], facts(10_00n))).toBeNull();
  });
});
