import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { PortalActor, StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { type ClaimedEmail, claimDueEmails } from "./claim-due-emails.ts";
import { type EnqueueEmailInput, enqueueEmail } from "./enqueue-email.ts";
import { listOutbox } from "./list-outbox.ts";
import { MAX_EMAIL_ATTEMPTS, markEmailFailed } from "./mark-email-failed.ts";
import { markEmailSent } from "./mark-email-sent.ts";
import { releaseStuckEmails } from "./release-stuck-emails.ts";

const staff: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };

function message(n: number, overrides: Partial<EnqueueEmailInput> = {}): EnqueueEmailInput {
  return {
    to: `clerk${n}@example.com`,
    subject: `Statement ${n}`,
    text: `Hello ${n}`,
    category: "test.statement",
    ...overrides,
  };
}

async function enqueueMany(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) ids.push((await enqueueEmail(getDb(), message(n))).id);
  return ids;
}

/** Makes a row due now, as if its backoff or lease had run out. */
async function makeDue(id: string): Promise<void> {
  await getDb().outboxEmail.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}

const row = (id: string) => getDb().outboxEmail.findUniqueOrThrow({ where: { id } });
const secondsFromNow = (date: Date) => (date.getTime() - Date.now()) / 1000;

beforeEach(async () => {
  await getDb().outboxEmail.deleteMany();
});

describe("enqueueEmail", () => {
  it("writes a PENDING row in the caller's transaction", async () => {
    const { id } = await getDb().$transaction((tx) =>
      enqueueEmail(tx, message(1, { to: "  Clerk@Example.com ", html: "<p>Hello</p>" })),
    );
    const saved = await row(id);
    expect(saved).toMatchObject({
      toAddress: "Clerk@Example.com",
      subject: "Statement 1",
      textBody: "Hello 1",
      htmlBody: "<p>Hello</p>",
      category: "test.statement",
      status: "PENDING",
      attempts: 0,
      sentAt: null,
    });
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    await expect(
      getDb().$transaction(async (tx) => {
        await enqueueEmail(tx, message(1));
        throw new Error("the causing change failed");
      }),
    ).rejects.toThrow("the causing change failed");
    expect(await getDb().outboxEmail.count()).toBe(0);
  });

  it("rejects an invalid address", async () => {
    await expect(enqueueEmail(getDb(), message(1, { to: "not an address" }))).rejects.toThrow();
    expect(await getDb().outboxEmail.count()).toBe(0);
  });
});

describe("claimDueEmails", () => {
  it("claims due PENDING rows once, marks them SENDING and skips rows not yet due", async () => {
    const [first, second, later] = await enqueueMany(3);
    await getDb().outboxEmail.update({
      where: { id: later! },
      data: { nextAttemptAt: new Date(Date.now() + 60_000) },
    });

    const claimed = await claimDueEmails({ limit: 10 });
    expect(claimed.map((c) => c.id).sort()).toEqual([first, second].sort());
    expect(claimed.find((c) => c.id === first)).toEqual({
      id: first,
      to: "clerk0@example.com",
      subject: "Statement 0",
      text: "Hello 0",
      html: null,
      attachments: [],
      category: "test.statement",
      attempts: 0,
    });
    const saved = await row(first!);
    expect(saved.status).toBe("SENDING");
    // The lease: a SENDING row's next attempt is when its claim lapses.
    expect(secondsFromNow(saved.nextAttemptAt)).toBeGreaterThan(500);

    expect(await claimDueEmails({ limit: 10 })).toEqual([]);
  });

  it("respects the limit, oldest due first", async () => {
    const ids = await enqueueMany(5);
    for (const [i, id] of ids.entries()) {
      await getDb().outboxEmail.update({
        where: { id },
        data: { nextAttemptAt: new Date(Date.now() - 10_000 * (i + 1)) },
      });
    }
    const claimed = await claimDueEmails({ limit: 2 });
    expect(claimed.map((c) => c.id).sort()).toEqual([ids[4], ids[3]].sort());
  });

  it("skips rows another claimer holds instead of waiting or taking them too", async () => {
    await enqueueMany(10);
    let holderClaimed!: () => void;
    let releaseHolder!: () => void;
    const claimedByHolder = new Promise<void>((resolve) => {
      holderClaimed = resolve;
    });
    const release = new Promise<void>((resolve) => {
      releaseHolder = resolve;
    });
    let held: ClaimedEmail[] = [];
    // The holder's claim is not committed yet: its rows are locked but still PENDING.
    const holder = getDb().$transaction(async (tx) => {
      held = await claimDueEmails({ limit: 4 }, tx);
      holderClaimed();
      await release;
    });
    await claimedByHolder;

    const other = await claimDueEmails({ limit: 100 });
    releaseHolder();
    await holder;

    expect(held).toHaveLength(4);
    expect(other).toHaveLength(6);
    const heldIds = new Set(held.map((c) => c.id));
    expect(other.some((c) => heldIds.has(c.id))).toBe(false);
    expect(await claimDueEmails({ limit: 100 })).toEqual([]);
  });

  it("never hands one row to two of many concurrent claimers", async () => {
    const ids = await enqueueMany(60);
    const claimedIds: string[] = [];
    for (let round = 0; round < 20 && claimedIds.length < ids.length; round++) {
      const batches = await Promise.all(Array.from({ length: 6 }, () => claimDueEmails({ limit: 7 })));
      for (const batch of batches) claimedIds.push(...batch.map((c) => c.id));
    }
    expect(claimedIds).toHaveLength(ids.length);
    expect(new Set(claimedIds).size).toBe(ids.length);
    expect(new Set(claimedIds)).toEqual(new Set(ids));
  });
});

describe("markEmailSent", () => {
  it("marks a claimed row SENT once and it is never claimed again", async () => {
    const [id] = await enqueueMany(1);
    await claimDueEmails();
    expect(await markEmailSent({ id: id! })).toBe(true);
    expect(await markEmailSent({ id: id! })).toBe(false);

    const saved = await row(id!);
    expect(saved.status).toBe("SENT");
    expect(saved.sentAt).toBeInstanceOf(Date);
    await makeDue(id!);
    expect(await claimDueEmails()).toEqual([]);
  });
});

describe("markEmailFailed", () => {
  it("puts the row back to PENDING with exponential backoff", async () => {
    const [id] = await enqueueMany(1);
    await claimDueEmails();
    const first = await markEmailFailed({ id: id!, error: "451 try again later" });
    expect(first).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(secondsFromNow(first!.nextAttemptAt)).toBeGreaterThan(25);
    expect(secondsFromNow(first!.nextAttemptAt)).toBeLessThan(35);
    // Not due yet: the backoff holds it back.
    expect(await claimDueEmails()).toEqual([]);

    await makeDue(id!);
    const [again] = await claimDueEmails();
    expect(again?.attempts).toBe(1);
    const second = await markEmailFailed({ id: id!, error: "451 try again later" });
    expect(second).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(secondsFromNow(second!.nextAttemptAt)).toBeGreaterThan(55);
    expect(secondsFromNow(second!.nextAttemptAt)).toBeLessThan(65);
    expect((await row(id!)).lastError).toBe("451 try again later");
  });

  it("gives up after the last attempt and truncates long errors", async () => {
    const [id] = await enqueueMany(1);
    let result = null;
    for (let attempt = 1; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
      await makeDue(id!);
      expect(await claimDueEmails()).toHaveLength(1);
      result = await markEmailFailed({ id: id!, error: "x".repeat(5000) });
    }
    expect(result).toMatchObject({ status: "FAILED", attempts: MAX_EMAIL_ATTEMPTS });
    const saved = await row(id!);
    expect(saved.status).toBe("FAILED");
    expect(saved.lastError!.length).toBeLessThanOrEqual(1000);
    await makeDue(id!);
    expect(await claimDueEmails()).toEqual([]);
  });

  it("does nothing to a row that is not being sent", async () => {
    const [id] = await enqueueMany(1);
    expect(await markEmailFailed({ id: id!, error: "boom" })).toBeNull();
    expect(await row(id!)).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
  });
});

describe("releaseStuckEmails", () => {
  it("hands back rows whose claim lapsed and leaves live claims alone", async () => {
    const [stuck, live] = await enqueueMany(2);
    await claimDueEmails();
    await makeDue(stuck!);

    expect(await releaseStuckEmails()).toBe(1);
    const released = await row(stuck!);
    expect(released).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(released.lastError).toMatch(/interrupted/);
    expect((await row(live!)).status).toBe("SENDING");

    const [reclaimed] = await claimDueEmails();
    expect(reclaimed?.id).toBe(stuck);
    expect(await releaseStuckEmails()).toBe(0);
  });
});

describe("listOutbox", () => {
  it("lists newest first, paged, searchable by recipient", async () => {
    const ids = await enqueueMany(5);
    for (const [i, id] of ids.entries()) {
      await getDb().outboxEmail.update({
        where: { id },
        data: { createdAt: new Date(Date.UTC(2026, 0, i + 1)) },
      });
    }

    const first = await listOutbox({ pageSize: 2 }, staff);
    expect(first.total).toBe(5);
    expect(first.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    expect(first.items[0]).toEqual({
      id: ids[4],
      to: "clerk4@example.com",
      subject: "Statement 4",
      text: "Hello 4",
      html: null,
      attachments: [],
      category: "test.statement",
      status: "PENDING",
      attempts: 0,
      lastError: null,
      nextAttemptAt: expect.any(Date),
      createdAt: new Date(Date.UTC(2026, 0, 5)),
      sentAt: null,
    });

    const last = await listOutbox({ page: "3", pageSize: "2" }, staff);
    expect(last.items.map((i) => i.id)).toEqual([ids[0]]);

    const found = await listOutbox({ search: "  CLERK2@" }, staff);
    expect(found.total).toBe(1);
    expect(found.items.map((i) => i.id)).toEqual([ids[2]]);
  });

  it("is for staff only", async () => {
    const portal: PortalActor = { kind: "portal", userId: randomUUID(), memberships: [] };
    await expect(listOutbox({}, portal)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
