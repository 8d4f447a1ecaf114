import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { createCreditForCustomer, createLegalEntity } from "../seed/factories.ts";
import { addDisputeAttachments } from "./add-dispute-attachments.ts";
import { addDisputeMessage } from "./add-dispute-message.ts";
import { MAX_ATTACHMENT_BYTES } from "./attachment-type.ts";
import {
  caught,
  customerWithInvoice,
  failure,
  key,
  minimalPdf,
  minimalPng,
  outboxTo,
  portalUser,
  staff,
} from "./dispute-fixtures.test-support.ts";
import { getDispute, getPortalDispute } from "./get-dispute.ts";
import { getDisputeAttachment } from "./get-dispute-attachment.ts";
import { inDisputeByCustomer, inDisputeByInvoice } from "./in-dispute.ts";
import { listCustomerDisputes, listDisputes } from "./list-disputes.ts";
import { raiseDispute } from "./raise-dispute.ts";
import { withdrawDispute } from "./withdraw-dispute.ts";

let entityId: string;
let analyst: StaffActor;
let cashApplier: StaffActor;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Disputes Test Entity" })).id;
  analyst = await staff(["DISPUTE_ANALYST"]);
  cashApplier = await staff(["CASH_APPLIER"]);
});

const counts = async () => ({
  disputes: await getDb().dispute.count(),
  attachments: await getDb().disputeAttachment.count(),
  contents: await getDb().disputeAttachmentContent.count(),
});

describe("raising a dispute", () => {
  it("a viewer disputes two lines with a PDF: amount is the lines' total, held in the read model, e-mailed", async () => {
    const { customerId, invoiceId, invoiceNumber } = await customerWithInvoice(entityId);
    const viewer = await portalUser(customerId, "VIEWER", "es");
    const raised = await raiseDispute(
      {
        customerId,
        invoiceId,
        scope: "LINES",
        lines: [{ lineNo: 1 }, { lineNo: 3 }],
        reason: "PRICING",
        description: "Unit prices are above our contract.",
        attachments: [{ fileName: "contract.pdf", bytes: minimalPdf() }],
        idempotencyKey: key(),
      },
      viewer,
    );
    expect(raised).toMatchObject({ status: "OPEN", amount: 400_00n, currency: "USD", replayed: false });

    const view = await getPortalDispute({ customerId, disputeId: raised.id }, viewer);
    expect(view.lines.map((l) => [l.lineNo, l.amount])).toEqual([
      [1, 100_00n],
      [3, 300_00n],
    ]);
    expect(view.attachments).toHaveLength(1);
    expect(view.attachments[0]).toMatchObject({ fileName: "contract.pdf", contentType: "application/pdf" });
    const file = await getDisputeAttachment(
      { disputeId: raised.id, attachmentId: view.attachments[0]!.id },
      viewer,
    );
    expect(Buffer.from(file.bytes).equals(minimalPdf())).toBe(true);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const held = await inDisputeByInvoice([invoiceId]);
    expect(held.get(invoiceId)).toMatchObject({ amount: 400_00n, disputes: [{ id: raised.id }] });
    expect((await inDisputeByCustomer([customerId])).get(customerId)).toEqual([
      { currency: "USD", amount: 400_00n, invoices: 1, disputes: 1 },
    ]);

    const mails = await outboxTo(viewer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Disputa ${raised.label} recibida para la factura ${invoiceNumber}`);
    expect(mails[0]!.category).toBe("dispute.open");
  });

  it("the same form submitted twice is one dispute", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const payer = await portalUser(customerId, "PAYER");
    const input = {
      customerId,
      invoiceId,
      scope: "AMOUNT" as const,
      amount: "50.00",
      reason: "TAX" as const,
      description: "Wrong tax rate.",
      idempotencyKey: key(),
    };
    const first = await raiseDispute(input, payer);
    const second = await raiseDispute(input, payer);
    expect(second).toMatchObject({ id: first.id, replayed: true });
    expect(await getDb().dispute.count({ where: { invoiceId } })).toBe(1);
  });

  it("refuses a paid invoice and an amount above what is open", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const payer = await portalUser(customerId, "PAYER");
    const base = { customerId, invoiceId, reason: "PRICING" as const, description: "Too much." };

    const above = await caught(
      raiseDispute({ ...base, scope: "AMOUNT", amount: "600.01", idempotencyKey: key() }, payer),
    );
    expect(above.code).toBe("VALIDATION");
    expect(above.details).toMatchObject({ field: "amount", problem: "aboveOpen", available: "60000" });

    // Partly paid: 250.00 open of 600.00; lines 2 + 3 (500.00) are more than that.
    const payment = await createCreditForCustomer(getDb(), customerId, { amount: 350_00n });
    await applyCredit({ creditItemId: payment.id, debitItemId: invoiceId, amount: 350_00n }, cashApplier);
    const lines = await caught(
      raiseDispute(
        { ...base, scope: "LINES", lines: [{ lineNo: 2 }, { lineNo: 3 }], idempotencyKey: key() },
        payer,
      ),
    );
    expect(lines.code).toBe("VALIDATION");
    expect(lines.details).toMatchObject({ field: "lines", available: "25000" });
    // A smaller amount on a line is fine.
    const ok = await raiseDispute(
      { ...base, scope: "LINES", lines: [{ lineNo: 3, amount: "250.00" }], idempotencyKey: key() },
      payer,
    );
    expect(ok.amount).toBe(250_00n);
    await withdrawDispute({ disputeId: ok.id }, payer);

    const rest = await createCreditForCustomer(getDb(), customerId, { amount: 250_00n });
    await applyCredit({ creditItemId: rest.id, debitItemId: invoiceId, amount: 250_00n }, cashApplier);
    const paid = await caught(raiseDispute({ ...base, scope: "WHOLE", idempotencyKey: key() }, payer));
    expect(paid.code).toBe("INVALID_STATE");
    expect(paid.details).toMatchObject({ problem: "paid" });
  });

  it("a second dispute on a disputed line is a CONFLICT naming the open one; other lines stay free", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const user = await portalUser(customerId);
    const base = {
      customerId,
      invoiceId,
      reason: "DAMAGED_GOODS" as const,
      description: "Broken on arrival.",
    };
    const first = await raiseDispute(
      { ...base, scope: "LINES", lines: [{ lineNo: 1 }, { lineNo: 2 }], idempotencyKey: key() },
      user,
    );
    const again = await caught(
      raiseDispute(
        { ...base, scope: "LINES", lines: [{ lineNo: 2 }, { lineNo: 3 }], idempotencyKey: key() },
        user,
      ),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.details).toMatchObject({ disputeId: first.id, disputeNumber: first.number });
    expect(again.message).toContain(first.label);
    const whole = await caught(raiseDispute({ ...base, scope: "WHOLE", idempotencyKey: key() }, user));
    expect(whole.details).toMatchObject({ disputeId: first.id });

    const other = await raiseDispute(
      { ...base, scope: "LINES", lines: [{ lineNo: 3 }], idempotencyKey: key() },
      user,
    );
    expect(other.amount).toBe(300_00n);

    // Withdrawn: the lines are free again.
    await withdrawDispute({ disputeId: first.id }, user);
    const renewed = await raiseDispute(
      { ...base, scope: "LINES", lines: [{ lineNo: 2 }], idempotencyKey: key() },
      user,
    );
    expect(renewed.amount).toBe(200_00n);
  });

  it("two racing submissions for the same line: exactly one dispute", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const a = await portalUser(customerId);
    const b = await portalUser(customerId);
    const input = (k: string) => ({
      customerId,
      invoiceId,
      scope: "LINES" as const,
      lines: [{ lineNo: 2 }],
      reason: "QUANTITY_SHORT_SHIPMENT" as const,
      description: "Only half arrived.",
      idempotencyKey: k,
    });
    const results = await Promise.all([
      failure(raiseDispute(input(key()), a)),
      failure(raiseDispute(input(key()), b)),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    expect(
      await getDb().disputeLine.count({ where: { openLineKey: { not: null }, dispute: { invoiceId } } }),
    ).toBe(1);
  });

  it("staff raise one by phone for the customer's contact; a short payment from cash application", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const byPhone = await raiseDispute(
      {
        customerId,
        invoiceId,
        scope: "AMOUNT",
        amount: "20.00",
        reason: "LOST_FREIGHT",
        description: "Called: one parcel never arrived.",
        channel: "PHONE",
        contactEmail: "Clerk@Customer.example",
        contactName: "Ana Clerk",
        locale: "pt-BR",
        idempotencyKey: key(),
      },
      analyst,
    );
    const detail = await getDispute({ disputeId: byPhone.id }, analyst);
    expect(detail).toMatchObject({
      channel: "PHONE",
      raisedBy: { kind: "staff", id: analyst.userId },
      notify: { email: "clerk@customer.example", locale: "pt-BR" },
    });
    expect((await outboxTo("clerk@customer.example"))[0]!.subject).toContain("Contestação");

    const short = await raiseDispute(
      {
        customerId,
        invoiceId,
        scope: "LINES",
        lines: [{ lineNo: 1, amount: "15.00" }],
        reason: "PRICING",
        description: "Paid 15.00 less than invoiced.",
        channel: "CASH_APPLICATION",
        idempotencyKey: key(),
      },
      cashApplier,
    );
    expect(short.amount).toBe(15_00n);
    // Staff must say how the customer raised it.
    expect(
      await failure(
        raiseDispute(
          { customerId, invoiceId, scope: "WHOLE", reason: "OTHER", description: "x", idempotencyKey: key() },
          analyst,
        ),
      ),
    ).toBe("VALIDATION");
  });
});

describe("attachments", () => {
  it("detects the type from the bytes, not the name; names get the real extension", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const user = await portalUser(customerId);
    const raised = await raiseDispute(
      {
        customerId,
        invoiceId,
        scope: "WHOLE",
        reason: "DUPLICATE_BILLING",
        description: "Billed twice.",
        attachments: [
          { fileName: "photo.pdf", bytes: minimalPng() },
          { fileName: "lines.csv", bytes: Buffer.from("sku,qty\nA-1,2\nB-2,3\n") },
          {
            fileName: "mail.eml",
            bytes: Buffer.from("From: a@b.example\r\nTo: c@d.example\r\nSubject: hi\r\n\r\nBody"),
          },
        ],
        idempotencyKey: key(),
      },
      user,
    );
    const view = await getPortalDispute({ customerId, disputeId: raised.id }, user);
    expect(view.attachments.map((a) => [a.fileName, a.contentType])).toEqual([
      ["photo.pdf.png", "image/png"],
      ["lines.csv", "text/csv"],
      ["mail.eml", "message/rfc822"],
    ]);
  });

  it("an oversized or disallowed file is refused with a clear message and nothing is stored", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const user = await portalUser(customerId);
    const before = await counts();
    const base = {
      customerId,
      invoiceId,
      scope: "WHOLE" as const,
      reason: "OTHER" as const,
      description: "See files.",
    };

    const html = await caught(
      raiseDispute(
        {
          ...base,
          attachments: [
            { fileName: "ok.pdf", bytes: minimalPdf() },
            { fileName: "invoice.pdf", bytes: Buffer.from("<html><script>alert(1)</script></html>") },
          ],
          idempotencyKey: key(),
        },
        user,
      ),
    );
    expect(html.code).toBe("VALIDATION");
    expect(html.message).toContain('"invoice.pdf" is not a file type we accept');

    const exe = await caught(
      raiseDispute(
        {
          ...base,
          attachments: [{ fileName: "scan.pdf", bytes: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]) }],
          idempotencyKey: key(),
        },
        user,
      ),
    );
    expect(exe.details).toMatchObject({ problem: "type" });

    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
    big.write("%PDF-1.7\n", 0, "latin1");
    const oversized = await caught(
      raiseDispute(
        { ...base, attachments: [{ fileName: "big.pdf", bytes: big }], idempotencyKey: key() },
        user,
      ),
    );
    expect(oversized.message).toContain("larger than 10 MB");
    expect(await counts()).toEqual(before);

    // Adding to an existing dispute: one bad file rejects the lot.
    const raised = await raiseDispute({ ...base, idempotencyKey: key() }, user);
    const mid = await counts();
    expect(
      await failure(
        addDisputeAttachments(
          {
            disputeId: raised.id,
            files: [
              { fileName: "a.pdf", bytes: minimalPdf() },
              { fileName: "b.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') },
            ],
          },
          user,
        ),
      ),
    ).toBe("VALIDATION");
    expect(await counts()).toEqual(mid);
    const added = await addDisputeAttachments(
      { disputeId: raised.id, files: [{ fileName: "a.pdf", bytes: minimalPdf() }] },
      user,
    );
    expect(added).toHaveLength(1);
  });
});

describe("scoping and the thread", () => {
  it("another account's portal user gets NOT_FOUND everywhere; internal notes and documents stay internal", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const other = await customerWithInvoice(entityId);
    const owner = await portalUser(customerId, "ADMIN");
    const stranger = await portalUser(other.customerId, "ADMIN");
    const raised = await raiseDispute(
      {
        customerId,
        invoiceId,
        scope: "WHOLE",
        reason: "SERVICE_NOT_RENDERED",
        description: "The visit never happened.",
        attachments: [{ fileName: "note.txt", bytes: Buffer.from("we were closed that day") }],
        idempotencyKey: key(),
      },
      owner,
    );
    const attachmentId = (await getPortalDispute({ customerId, disputeId: raised.id }, owner)).attachments[0]!
      .id;
    await addDisputeMessage(
      { disputeId: raised.id, body: "Check with the field team.", visibility: "INTERNAL" },
      analyst,
    );
    await addDisputeAttachments(
      {
        disputeId: raised.id,
        files: [{ fileName: "internal.pdf", bytes: minimalPdf() }],
        visibility: "INTERNAL",
      },
      analyst,
    );
    await addDisputeMessage({ disputeId: raised.id, body: "<b>We are checking</b> & will revert." }, analyst);

    expect(await failure(getPortalDispute({ customerId, disputeId: raised.id }, stranger))).toBe("NOT_FOUND");
    expect(
      await failure(getPortalDispute({ customerId: other.customerId, disputeId: raised.id }, stranger)),
    ).toBe("NOT_FOUND");
    expect(await failure(getPortalDispute({ customerId, disputeId: "not-a-uuid" }, owner))).toBe("NOT_FOUND");
    expect(await failure(addDisputeMessage({ disputeId: raised.id, body: "hi" }, stranger))).toBe(
      "NOT_FOUND",
    );
    expect(await failure(withdrawDispute({ disputeId: raised.id }, stranger))).toBe("NOT_FOUND");
    expect(await failure(getDisputeAttachment({ disputeId: raised.id, attachmentId }, stranger))).toBe(
      "NOT_FOUND",
    );
    expect(await failure(listCustomerDisputes({ customerId }, stranger))).toBe("NOT_FOUND");
    expect(
      await failure(
        raiseDispute(
          { customerId, invoiceId, scope: "WHOLE", reason: "OTHER", description: "x", idempotencyKey: key() },
          stranger,
        ),
      ),
    ).toBe("NOT_FOUND");
    // Their own account id with our invoice id: still not found.
    expect(
      await failure(
        raiseDispute(
          {
            customerId: other.customerId,
            invoiceId,
            scope: "WHOLE",
            reason: "OTHER",
            description: "x",
            idempotencyKey: key(),
          },
          stranger,
        ),
      ),
    ).toBe("NOT_FOUND");
    expect(await failure(getDispute({ disputeId: raised.id }, owner))).toBe("FORBIDDEN");

    const view = await getPortalDispute({ customerId, disputeId: raised.id }, owner);
    expect(view.messages.map((m) => m.body)).toEqual(["<b>We are checking</b> & will revert."]);
    expect(view.attachments.map((a) => a.fileName)).toEqual(["note.txt"]);
    expect(view.status).toBe("UNDER_REVIEW");
    const internal = (await getDispute({ disputeId: raised.id }, analyst)).attachments.find(
      (a) => a.visibility === "INTERNAL",
    );
    expect(
      await failure(getDisputeAttachment({ disputeId: raised.id, attachmentId: internal!.id }, owner)),
    ).toBe("NOT_FOUND");

    const staffView = await getDispute({ disputeId: raised.id }, analyst);
    expect(staffView.messages.map((m) => m.visibility)).toEqual(["INTERNAL", "CUSTOMER"]);
    expect(staffView.history.map((h) => h.action)).toEqual([
      "dispute.raise",
      "dispute.note",
      "dispute.attach",
      "dispute.message",
      "dispute.review",
    ]);
    // A customer reply e-mails nobody when the dispute has no owner, but is in the thread.
    await addDisputeMessage({ disputeId: raised.id, body: "Thanks." }, owner);
    expect((await getPortalDispute({ customerId, disputeId: raised.id }, owner)).messages).toHaveLength(2);
    expect((await listCustomerDisputes({ customerId, openOnly: true }, owner)).map((d) => d.id)).toEqual([
      raised.id,
    ]);
  });

  it("the queue filters by status, reason, customer and overdue", async () => {
    const { customerId, invoiceId } = await customerWithInvoice(entityId);
    const user = await portalUser(customerId);
    const raised = await raiseDispute(
      {
        customerId,
        invoiceId,
        scope: "AMOUNT",
        amount: "10.00",
        reason: "MISSING_PO_REFERENCE",
        description: "No PO.",
        idempotencyKey: key(),
      },
      user,
      { now: new Date("2026-01-05T10:00:00Z") },
    );
    const queue = await listDisputes({ customerId, reason: "MISSING_PO_REFERENCE" }, analyst);
    expect(queue.rows.map((r) => r.id)).toEqual([raised.id]);
    expect(queue.rows[0]!.overdue).toBe(true);
    expect((await listDisputes({ customerId, overdue: true }, analyst)).total).toBe(1);
    expect((await listDisputes({ customerId, reason: "TAX" }, analyst)).total).toBe(0);
    expect((await listDisputes({ customerId, status: ["WITHDRAWN"] }, analyst)).total).toBe(0);
    expect((await listDisputes({ customerId: "nonsense" }, analyst)).total).toBe(0);
    await withdrawDispute({ disputeId: raised.id }, user);
    expect((await listDisputes({ customerId, status: ["WITHDRAWN"] }, analyst)).total).toBe(1);
    expect((await listDisputes({ customerId }, analyst)).total).toBe(0);
    expect((await inDisputeByInvoice([invoiceId])).size).toBe(0);
  });
});
