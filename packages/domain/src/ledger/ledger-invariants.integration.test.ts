import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, systemActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { applyCredit } from "./apply-credit.ts";
import { createInvoice } from "./create-invoice.ts";
import { recordCredit } from "./record-credit.ts";
import { reverseApplication } from "./reverse-application.ts";
import { findLedgerViolations } from "./verify-ledger.ts";

const actor: Actor = systemActor("ledger-test");
let legalEntityId: string;

beforeAll(async () => {
  const le = await getDb().legalEntity.create({
    data: {
      code: "US01",
      name: "Test Industries Inc.",
      currency: "USD",
      country: "US",
      remitToName: "Test Industries Inc.",
      remitToAddress: ["1 Main St", "Springfield, IL 62701"],
      bankName: "First Bank",
      bankAccountName: "Test Industries Inc.",
      bankAccount: "000123456789",
    },
  });
  legalEntityId = le.id;
});

async function newCustomer(): Promise<string> {
  const c = await getDb().customer.create({
    data: {
      accountNumber: `C-${randomUUID().slice(0, 8)}`,
      name: "Acme Corp",
      legalEntityId,
      paymentTermsCode: "NET30",
      paymentTermsDays: 30,
      creditCurrency: "USD",
      country: "US",
    },
  });
  return c.id;
}

let docNo = 0;
async function newInvoice(customerId: string, cents: bigint): Promise<string> {
  docNo += 1;
  const r = await createInvoice(
    {
      customerId,
      number: `INV-${docNo}`,
      documentDate: new Date("2026-01-15"),
      lines: [{ description: "Widgets", quantityMilli: 1000n, unitPrice: cents, taxRateBp: 0 }],
    },
    actor,
  );
  return r.id;
}

async function newCredit(
  customerId: string,
  cents: bigint,
  currency = "USD",
  kind: "PAYMENT" | "CREDIT_MEMO" = "PAYMENT",
) {
  docNo += 1;
  const r = await recordCredit(
    {
      customerId,
      kind,
      number: `PAY-${docNo}`,
      currency,
      amount: cents,
      documentDate: new Date("2026-02-01"),
      paymentMethod: kind === "PAYMENT" ? "BANK_TRANSFER" : undefined,
    },
    actor,
  );
  return r.id;
}

async function openAmounts(ids: string[]): Promise<Map<string, bigint>> {
  const rows = await getDb().openItem.findMany({
    where: { id: { in: ids } },
    select: { id: true, openAmount: true },
  });
  return new Map(rows.map((r) => [r.id, r.openAmount]));
}

type Command =
  | { type: "apply"; credit: number; debit: number; amount: bigint }
  | { type: "reverse"; application: number };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant("apply" as const),
      credit: fc.nat(),
      debit: fc.nat(),
      amount: fc.bigInt({ min: 1n, max: 60_000n }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("reverse" as const), application: fc.nat() }) },
);

describe("ledger invariants (model-based, on PostgreSQL)", () => {
  it("random apply/reverse sequences match a model and never break an invariant", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.bigInt({ min: 1n, max: 100_000n }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.bigInt({ min: 1n, max: 100_000n }), { minLength: 1, maxLength: 3 }),
        fc.array(commandArb, { minLength: 1, maxLength: 12 }),
        async (debitAmounts, creditAmounts, commands) => {
          const customerId = await newCustomer();
          const debits: string[] = [];
          for (const a of debitAmounts) debits.push(await newInvoice(customerId, a));
          const credits: string[] = [];
          for (const a of creditAmounts) credits.push(await newCredit(customerId, a));

          // The model: open amounts and the applications still active.
          const open = new Map<string, bigint>();
          for (const [i, id] of debits.entries()) open.set(id, debitAmounts[i] as bigint);
          for (const [i, id] of credits.entries()) open.set(id, creditAmounts[i] as bigint);
          const applications: {
            id: string;
            credit: string;
            debit: string;
            amount: bigint;
            reversed: boolean;
          }[] = [];

          for (const cmd of commands) {
            if (cmd.type === "apply") {
              const credit = credits[cmd.credit % credits.length] as string;
              const debit = debits[cmd.debit % debits.length] as string;
              const allowed =
                cmd.amount <= (open.get(credit) as bigint) && cmd.amount <= (open.get(debit) as bigint);
              if (allowed) {
                const r = await applyCredit(
                  { creditItemId: credit, debitItemId: debit, amount: cmd.amount },
                  actor,
                );
                open.set(credit, (open.get(credit) as bigint) - cmd.amount);
                open.set(debit, (open.get(debit) as bigint) - cmd.amount);
                applications.push({ id: r.id, credit, debit, amount: cmd.amount, reversed: false });
                expect(r.creditOpenAmount).toBe(open.get(credit));
                expect(r.debitOpenAmount).toBe(open.get(debit));
              } else {
                // Over-application must be refused by the use case itself, cleanly, and change nothing.
                const error = await applyCredit(
                  { creditItemId: credit, debitItemId: debit, amount: cmd.amount },
                  actor,
                ).then(
                  () => null,
                  (e: unknown) => e,
                );
                expect(error).toBeInstanceOf(DomainError);
                expect((error as DomainError).code).toBe("INVALID_STATE");
              }
            } else if (applications.length > 0) {
              const app = applications[cmd.application % applications.length]!;
              const r = await reverseApplication({ applicationId: app.id, reason: "test" }, actor);
              if (!app.reversed) {
                app.reversed = true;
                open.set(app.credit, (open.get(app.credit) as bigint) + app.amount);
                open.set(app.debit, (open.get(app.debit) as bigint) + app.amount);
                expect(r.replayed).toBe(false);
              } else {
                expect(r.replayed).toBe(true);
              }
            }
          }

          const actual = await openAmounts([...debits, ...credits]);
          for (const [id, amount] of open) expect(actual.get(id)).toBe(amount);
          expect(await findLedgerViolations(getDb(), [customerId])).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("refuses applications across currencies and customers, and to the wrong side", async () => {
    const a = await newCustomer();
    const b = await newCustomer();
    const invoice = await newInvoice(a, 10_000n);
    const eur = await newCredit(a, 5_000n, "EUR");
    const otherCustomersCash = await newCredit(b, 5_000n);
    const creditMemo = await newCredit(a, 1_000n, "USD", "CREDIT_MEMO");
    await expect(
      applyCredit({ creditItemId: eur, debitItemId: invoice, amount: 100n }, actor),
    ).rejects.toThrow(/EUR/);
    await expect(
      applyCredit({ creditItemId: otherCustomersCash, debitItemId: invoice, amount: 100n }, actor),
    ).rejects.toThrow(/same customer/);
    await expect(
      applyCredit({ creditItemId: invoice, debitItemId: creditMemo, amount: 100n }, actor),
    ).rejects.toThrow(/Only payments and credit memos/);
    await expect(
      applyCredit({ creditItemId: creditMemo, debitItemId: invoice, amount: 0n }, actor),
    ).rejects.toThrow();
    expect((await openAmounts([invoice])).get(invoice)).toBe(10_000n);
  });

  it("is idempotent per key and rejects a reused key with different content", async () => {
    const c = await newCustomer();
    const inv = await newInvoice(c, 10_000n);
    const pay = await newCredit(c, 10_000n);
    const key = `apply-${randomUUID()}`;
    const first = await applyCredit(
      { creditItemId: pay, debitItemId: inv, amount: 4_000n, idempotencyKey: key },
      actor,
    );
    const again = await applyCredit(
      { creditItemId: pay, debitItemId: inv, amount: 4_000n, idempotencyKey: key },
      actor,
    );
    expect(again.id).toBe(first.id);
    expect(again.replayed).toBe(true);
    expect((await openAmounts([inv])).get(inv)).toBe(6_000n);
    await expect(
      applyCredit({ creditItemId: pay, debitItemId: inv, amount: 1_000n, idempotencyKey: key }, actor),
    ).rejects.toThrow(/already used/);
  });

  it("answers two racing creates of the same document number with one invoice and one CONFLICT", async () => {
    const customerId = await newCustomer();
    for (let round = 0; round < 5; round++) {
      const number = `RACE-${round}-${randomUUID().slice(0, 8)}`;
      const input = {
        customerId,
        number,
        documentDate: new Date("2026-02-01"),
        lines: [{ description: "Bolts", quantityMilli: 1000n, unitPrice: 5_000n, taxRateBp: 0 }],
      };
      const results = await Promise.allSettled([createInvoice(input, actor), createInvoice(input, actor)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")?.reason;
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe("CONFLICT");
      expect(await getDb().openItem.count({ where: { customerId, number } })).toBe(1);
    }
  });

  it("keeps applications and audit events append-only and audits every money command", async () => {
    const c = await newCustomer();
    const inv = await newInvoice(c, 10_000n);
    const pay = await newCredit(c, 10_000n);
    const app = await applyCredit({ creditItemId: pay, debitItemId: inv, amount: 2_500n }, actor);
    await reverseApplication({ applicationId: app.id, reason: "applied to the wrong invoice" }, actor);
    await expect(
      getDb().$executeRaw`UPDATE application SET amount = 1 WHERE id = ${app.id}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(getDb().$executeRaw`DELETE FROM application WHERE id = ${app.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(getDb().$executeRaw`DELETE FROM audit_event`).rejects.toThrow(/append-only/);
    const actions = await getDb().auditEvent.findMany({ where: { customerId: c }, orderBy: { id: "asc" } });
    expect(actions.map((e) => e.action)).toEqual([
      "invoice.create",
      "payment.record",
      "application.apply",
      "application.reverse",
    ]);
    expect(actions.every((e) => e.actorType === "system" && e.actorId === "ledger-test")).toBe(true);
  });

  it("never over-applies under concurrent commands on a real server", async () => {
    const c = await newCustomer();
    const invoices = await Promise.all([30_000n, 30_000n, 30_000n, 30_000n].map((a) => newInvoice(c, a)));
    const payment = await newCredit(c, 50_000n);
    // 24 racing applications of 5,000 each against 50,000 of cash: exactly 10 may succeed.
    const results = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) =>
        applyCredit(
          { creditItemId: payment, debitItemId: invoices[i % invoices.length] as string, amount: 5_000n },
          actor,
        ),
      ),
    );
    const succeeded = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(succeeded).toHaveLength(10);
    for (const f of failed) expect((f.reason as DomainError).code).toBe("INVALID_STATE");
    expect((await openAmounts([payment])).get(payment)).toBe(0n);
    expect(await findLedgerViolations(getDb(), [c])).toEqual([]);
  });

  it("keeps the ledger consistent under racing applies and reversals", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            invoice: fc.nat(2),
            amount: fc.bigInt({ min: 1n, max: 9_000n }),
            reverse: fc.boolean(),
          }),
          {
            minLength: 4,
            maxLength: 16,
          },
        ),
        async (ops) => {
          const c = await newCustomer();
          const invoices = await Promise.all([10_000n, 10_000n, 10_000n].map((a) => newInvoice(c, a)));
          const payment = await newCredit(c, 20_000n);
          const key = randomUUID();
          await Promise.allSettled(
            ops.map(async (op, i) => {
              const r = await applyCredit(
                {
                  creditItemId: payment,
                  debitItemId: invoices[op.invoice] as string,
                  amount: op.amount,
                  idempotencyKey: `${key}-${i % 5}`,
                },
                actor,
              );
              // Half of the successful applications are reversed at once, racing the others.
              if (op.reverse) {
                await Promise.all([
                  reverseApplication({ applicationId: r.id, reason: "race" }, actor),
                  reverseApplication({ applicationId: r.id, reason: "race" }, actor),
                ]);
              }
            }),
          );
          expect(await findLedgerViolations(getDb(), [c])).toEqual([]);
          const reversals = await getDb().application.groupBy({
            by: ["reversesId"],
            where: { kind: "REVERSAL", creditItemId: payment },
            _count: true,
          });
          expect(reversals.every((r) => r._count === 1)).toBe(true);
        },
      ),
      { numRuns: 8 },
    );
  });
});
