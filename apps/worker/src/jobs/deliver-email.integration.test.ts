import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import { getDb } from "@settle/domain/db/client";
import { enqueueEmail } from "@settle/domain/email/enqueue-email";
import { recordCardPayment } from "@settle/domain/payments/record-card-payment";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
} from "@settle/domain/seed/factories";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createSmtpMailer, type Mailer } from "../mailer.ts";
import { startWorker } from "../worker.ts";
import { relayDueEmails } from "./deliver-email.ts";
import { startOutboxRelay } from "./outbox-relay.ts";

interface ReceivedMessage {
  from: string;
  to: string[];
  data: string;
}

/**
 * Just enough of an SMTP server (RFC 5321 happy path, no TLS or AUTH) to receive what nodemailer
 * sends, record it, and refuse it on demand with a temporary error.
 */
class FakeSmtpServer {
  readonly messages: ReceivedMessage[] = [];
  /** The next MAIL FROM commands answered with 451 instead of 250. */
  refuseNext = 0;
  private readonly server: Server = createServer((socket) => this.converse(socket));
  private readonly sockets = new Set<Socket>();

  async listen(): Promise<string> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    const address = this.server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    return `smtp://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private converse(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => {});
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = "";
    let envelope: ReceivedMessage | undefined;
    let inData = false;

    reply("220 fake-smtp ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          if (envelope) this.messages.push({ ...envelope, data: buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          inData = false;
          envelope = undefined;
          reply("250 2.0.0 queued");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") reply("250-fake-smtp\r\n250-8BITMIME\r\n250 SMTPUTF8");
        else if (verb === "HELO" || verb === "NOOP") reply("250 ok");
        else if (verb === "RSET") {
          envelope = undefined;
          reply("250 ok");
        } else if (verb === "MAIL") {
          if (this.refuseNext > 0) {
            this.refuseNext--;
            reply("451 4.3.0 Mailbox temporarily unavailable");
          } else {
            envelope = { from: line.slice(10), to: [], data: "" };
            reply("250 2.1.0 ok");
          }
        } else if (verb === "RCPT") {
          envelope?.to.push(line.slice(8));
          reply(envelope ? "250 2.1.5 ok" : "503 5.5.1 MAIL first");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 end with <CRLF>.<CRLF>");
        } else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
        } else reply("502 5.5.2 not implemented");
      }
    });
  }
}

const smtp = new FakeSmtpServer();
let mailer: Mailer;

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const enqueue = (n: number) =>
  enqueueEmail(getDb(), {
    to: `clerk${n}@example.com`,
    subject: `Statement ${n}`,
    text: `Your statement ${n} is ready.`,
    html: `<p>Your statement ${n} is ready.</p>`,
    category: "test.statement",
  });
const row = (id: string) => getDb().outboxEmail.findUniqueOrThrow({ where: { id } });
const received = (n: number) => smtp.messages.filter((m) => m.data.includes(`Subject: Statement ${n}\r\n`));

beforeAll(async () => {
  mailer = createSmtpMailer(await smtp.listen(), "Settle <no-reply@settle.test>");
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
});

beforeEach(async () => {
  // Keep the per-delivery log lines out of the test output.
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  await getDb().outboxEmail.deleteMany();
  smtp.messages.length = 0;
  smtp.refuseNext = 0;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("e-mail delivery", () => {
  it("delivers a pending message once and marks it SENT", async () => {
    const { id } = await enqueue(1);
    const relay = startOutboxRelay({ mailer, intervalMs: 20 });
    try {
      await waitFor(async () => (await row(id)).status === "SENT");
      // Several more passes: a SENT row is never picked up again.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await relay.stop();
    }

    const [message, ...others] = received(1);
    expect(others).toHaveLength(0);
    expect(smtp.messages).toHaveLength(1);
    expect(message!.from).toBe("<no-reply@settle.test>");
    expect(message!.to).toEqual(["<clerk1@example.com>"]);
    expect(message!.data).toContain(`Message-ID: <${id}@settle.test>`);
    expect(message!.data).toContain("Your statement 1 is ready.");
    expect(message!.data).toContain("text/html");
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 0, lastError: null });
    expect((await row(id)).sentAt).toBeInstanceOf(Date);
  });

  it("attaches the card payment receipt PDF, rendered from the ledger in the payer's language", async () => {
    const db = getDb();
    const entity = await createLegalEntity(db, { name: "Receipt Issuer GmbH" });
    const customer = await createCustomer(db, { legalEntityId: entity.id, name: "Receipt Customer AG" });
    const invoice = await createInvoiceForCustomer(db, customer.id);
    const user = await createPortalUser(db, {
      email: "payer-receipt@example.com",
      locale: "es",
      memberships: [{ customerId: customer.id, role: "PAYER" }],
    });
    const attempt = await db.paymentAttempt.create({
      data: {
        customerId: customer.id,
        currency: invoice.currency,
        amount: invoice.amount,
        idempotencyKey: `receipt-${customer.id}`,
        paymentIntentId: `pi_receipt_${customer.id.slice(0, 8)}`,
        createdById: user.id,
        locale: "es",
        allocations: { create: [{ itemId: invoice.id, amount: invoice.amount }] },
      },
    });
    const recorded = await recordCardPayment(
      {
        attemptId: attempt.id,
        paymentIntentId: `pi_receipt_${customer.id.slice(0, 8)}`,
        amountReceived: invoice.amount,
        currency: invoice.currency.trim(),
        paidAt: new Date(),
        cardLabel: "visa •••• 4242",
      },
      { kind: "system", name: "test" },
    );

    expect(await relayDueEmails(mailer)).toBe(1);
    const [message] = smtp.messages;
    const filename = `receipt-${recorded.number}.pdf`;
    expect(message?.data).toContain("Content-Type: application/pdf");
    expect(message?.data).toContain(filename);
    // The attachment is a base64 PDF: its first bytes decode to the PDF signature.
    const part = message?.data.split(filename).at(-1) ?? "";
    const base64 = /\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(part)?.[1]?.replace(/\r\n/g, "") ?? "";
    expect(Buffer.from(base64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("retries, rather than sends without it, when an attachment cannot be rendered", async () => {
    const { id } = await enqueueEmail(getDb(), {
      to: "clerk@example.com",
      subject: "Your receipt",
      text: "Attached.",
      category: "portal.payment-receipt",
      attachments: [
        { kind: "card-receipt", id: "6f1c0d56-8a57-4c43-9a0e-3b1f1f0f0f0f", filename: "receipt-X.pdf" },
      ],
    });
    expect(await relayDueEmails(mailer)).toBe(1);
    expect(smtp.messages).toHaveLength(0);
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1 });
  });

  it("leaves a refused message PENDING with one attempt and a later retry", async () => {
    const { id } = await enqueue(2);
    smtp.refuseNext = 1;

    expect(await relayDueEmails(mailer)).toBe(1);

    expect(smtp.messages).toHaveLength(0);
    const saved = await row(id);
    expect(saved).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect(saved.lastError).toContain("451");
    expect(saved.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Backing off: the next pass leaves it alone.
    expect(await relayDueEmails(mailer)).toBe(0);

    // Once the backoff is over it goes out.
    await getDb().outboxEmail.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    expect(await relayDueEmails(mailer)).toBe(1);
    expect(received(2)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("sends each message exactly once with several relays running", async () => {
    const ids: string[] = [];
    for (let n = 0; n < 30; n++) ids.push((await enqueue(100 + n)).id);
    const relays = Array.from({ length: 3 }, () =>
      startOutboxRelay({ mailer, batchSize: 4, intervalMs: 20 }),
    );
    try {
      await waitFor(
        async () => (await getDb().outboxEmail.count({ where: { status: "SENT" } })) === ids.length,
      );
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
    }
    expect(smtp.messages).toHaveLength(ids.length);
    for (let n = 0; n < 30; n++) expect(received(100 + n)).toHaveLength(1);
  });

  it("runs as a worker on pg-boss and stops cleanly", async () => {
    const { id } = await enqueue(3);
    const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL!, mailer, relayIntervalMs: 20 });
    try {
      await waitFor(async () => (await row(id)).status === "SENT");
      const schedules = await getDb().$queryRaw<{ name: string; cron: string }[]>`
        SELECT name, cron FROM pgboss.schedule ORDER BY name`;
      expect(schedules).toEqual([
        { name: "disputes.escalate", cron: "7 * * * *" },
        { name: "email.release-stuck", cron: "* * * * *" },
        { name: "payment-plans.run", cron: "13 * * * *" },
        { name: "payments.autopay", cron: "17 * * * *" },
        { name: "payments.card-sweep", cron: "*/5 * * * *" },
      ]);
    } finally {
      await worker.stop();
    }
    expect(received(3)).toHaveLength(1);
  });
});
