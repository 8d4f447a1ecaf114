import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultReopenChoice, planReopening, type ReopenableApplication } from "./plan-reopening.ts";

// Newest first, as the ledger reads them: INV-B was paid last.
const applications: ReopenableApplication[] = [
  { id: "app-b", invoiceId: "inv-b", amount: 6_000n },
  { id: "app-a", invoiceId: "inv-a", amount: 4_000n },
];

describe("planReopening", () => {
  it("takes the unapplied remainder first and reopens nothing while it suffices", () => {
    const plan = planReopening({ amount: 1_500n, unapplied: 2_000n, applications, chosen: ["inv-a"] });
    expect(plan).toEqual({ fromUnapplied: 1_500n, reversals: [], invoices: [], beyondChoice: 0n, short: 0n });
  });

  it("reopens only the chosen invoice, by what the remainder did not cover", () => {
    const plan = planReopening({ amount: 2_500n, unapplied: 1_000n, applications, chosen: ["inv-a"] });
    expect(plan.fromUnapplied).toBe(1_000n);
    expect(plan.reversals).toEqual([
      { applicationId: "app-a", invoiceId: "inv-a", reopened: 1_500n, reapplied: 2_500n },
    ]);
    expect(plan.invoices).toEqual([{ invoiceId: "inv-a", amount: 1_500n }]);
    expect(plan.beyondChoice).toBe(0n);
  });

  it("without a choice reopens the most recent application first", () => {
    const plan = planReopening({ amount: 7_000n, unapplied: 0n, applications, chosen: [] });
    expect(plan.invoices).toEqual([
      { invoiceId: "inv-b", amount: 6_000n },
      { invoiceId: "inv-a", amount: 1_000n },
    ]);
    expect(plan.beyondChoice).toBe(0n);
    expect(defaultReopenChoice(applications)).toEqual(["inv-b"]);
    expect(defaultReopenChoice([])).toEqual([]);
  });

  it("follows the chosen order and says what had to go beyond the choice", () => {
    const inOrder = planReopening({
      amount: 10_000n,
      unapplied: 0n,
      applications,
      chosen: ["inv-a", "inv-b"],
    });
    expect(inOrder.invoices.map((i) => i.invoiceId)).toEqual(["inv-a", "inv-b"]);
    expect(inOrder.beyondChoice).toBe(0n);
    const tooLittle = planReopening({ amount: 5_000n, unapplied: 0n, applications, chosen: ["inv-a"] });
    expect(tooLittle.invoices).toEqual([
      { invoiceId: "inv-a", amount: 4_000n },
      { invoiceId: "inv-b", amount: 1_000n },
    ]);
    expect(tooLittle.beyondChoice).toBe(1_000n);
  });

  it("reports what nothing could cover, and ignores unknown choices", () => {
    const plan = planReopening({ amount: 12_000n, unapplied: 500n, applications, chosen: ["inv-x"] });
    expect(plan.short).toBe(1_500n);
    expect(plan.invoices.map((i) => i.invoiceId)).toEqual(["inv-b", "inv-a"]);
    expect(plan.beyondChoice).toBe(10_000n);
  });

  it("adds up exactly and never takes more than an application holds (property)", () => {
    const invoice = fc.constantFrom("i1", "i2", "i3", "i4");
    fc.assert(
      fc.property(
        fc.array(fc.record({ invoiceId: invoice, amount: fc.bigInt({ min: 1n, max: 10n ** 12n }) }), {
          maxLength: 8,
        }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        fc.uniqueArray(invoice, { maxLength: 4 }),
        (rows, unapplied, amount, chosen) => {
          const apps = rows.map((r, i) => ({ id: `a${i}`, ...r }));
          const plan = planReopening({ amount, unapplied, applications: apps, chosen });
          const reopened = plan.reversals.reduce((s, r) => s + r.reopened, 0n);
          // Every unit of the refund is accounted for, exactly once.
          expect(plan.fromUnapplied + reopened + plan.short).toBe(amount);
          expect(plan.fromUnapplied).toBeLessThanOrEqual(unapplied);
          expect(plan.invoices.reduce((s, i) => s + i.amount, 0n)).toBe(reopened);
          const held = new Map(apps.map((a) => [a.id, a.amount]));
          const seen = new Set<string>();
          for (const r of plan.reversals) {
            expect(seen.has(r.applicationId)).toBe(false);
            seen.add(r.applicationId);
            expect(r.reopened).toBeGreaterThan(0n);
            expect(r.reopened + r.reapplied).toBe(held.get(r.applicationId));
          }
          // Short only when everything was taken; beyond the choice only when the choice was used up.
          const total = apps.reduce((s, a) => s + a.amount, 0n);
          if (plan.short > 0n) expect(reopened).toBe(total);
          const chosenHeld = apps
            .filter((a) => chosen.includes(a.invoiceId))
            .reduce((s, a) => s + a.amount, 0n);
          if (chosen.length > 0 && plan.beyondChoice > 0n) {
            expect(reopened - plan.beyondChoice).toBe(chosenHeld);
          }
          if (chosen.length === 0) expect(plan.beyondChoice).toBe(0n);
          // The remainder is used before any invoice reopens.
          if (reopened > 0n) expect(plan.fromUnapplied).toBe(unapplied);
        },
      ),
      { numRuns: 500 },
    );
  });
});
