import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import type { StaffRole } from "@settle/domain/db/generated/enums";
import { raiseDispute } from "@settle/domain/disputes/raise-dispute";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createStaffUser,
} from "@settle/domain/seed/factories";
import type { FormAnswer } from "@settle/web/forms.server";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, staffSessionCookie } from "../route-test.test-support.ts";
import { action as disputeAction, loader as disputeLoader } from "./dispute.tsx";
import { loader as documentLoader } from "./dispute-document.ts";
import { action as raiseAction, loader as raiseLoader } from "./dispute-new.tsx";
import { loader as queueLoader } from "./disputes.tsx";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

const call = backofficeCaller();

function args<T>(
  url: string,
  init: { cookie?: string; params?: Record<string, string>; form?: FormData } = {},
) {
  return call<T>(url, init);
}

/** A form (files as Blobs) with the session cookie; the CSRF token is added when it is posted. */
function post(session: string, fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return { form, cookie: session };
}

/** The HTTP status a loader or action answered with (thrown responses included). */
async function status(promise: Promise<unknown>): Promise<number> {
  return (await outcome(promise)).status;
}

/** An action's answer: its status, Conform's reply (errors by field, what was typed) and what it did. */
async function answer(promise: Promise<unknown>) {
  const { status, data } = await outcome<FormAnswer<{ intent: string; message: string }>>(promise);
  if (!data) throw new Error(`expected a form answer, got status ${status}`);
  return { status, ...data };
}

async function session(roles: StaffRole[], name = "Route Staff") {
  const user = await createStaffUser(getDb(), {
    email: `dispute-route-${randomUUID().slice(0, 8)}@settle.example`,
    roles,
    passwordHash: "not-used",
    name,
  });
  const cookie = await staffSessionCookie(user.id);
  return { cookie, id: user.id, actor: { kind: "staff" as const, userId: user.id, roles } };
}

let entityId: string;
let analyst: Awaited<ReturnType<typeof session>>;
let manager: Awaited<ReturnType<typeof session>>;
let collector: Awaited<ReturnType<typeof session>>;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Dispute Routes Entity" })).id;
  analyst = await session(["DISPUTE_ANALYST"], "Ada Analyst");
  manager = await session(["AR_MANAGER"], "Mo Manager");
  collector = await session(["COLLECTOR"], "Cole Collector");
  await getDb().disputeApprovalThreshold.upsert({
    where: { currency: "USD" },
    create: { currency: "USD", amount: 1_000_00n },
    update: { amount: 1_000_00n },
  });
});

/** A customer with an invoice of two lines (100.00 and 2,000.00 USD) and a dispute on it. */
async function disputed(lines: number[] = [1], name = `Dispute Route ${randomUUID().slice(0, 6)}`) {
  const db = getDb();
  const customer = await createCustomer(db, { legalEntityId: entityId, name });
  const invoice = await createInvoiceForCustomer(db, customer.id, {
    lines: [100_00n, 2_000_00n].map((unitPrice, i) => ({
      description: `Item ${i + 1}`,
      quantityMilli: 1000n,
      unitPrice,
      taxRateBp: 0,
    })),
  });
  const raised = await raiseDispute(
    {
      customerId: customer.id,
      invoiceId: invoice.id,
      scope: "LINES",
      lines: lines.map((lineNo) => ({ lineNo })),
      reason: "PRICING",
      description: "Price <b>not</b> as quoted.",
      channel: "PHONE",
      contactEmail: "ap@customer.example",
      attachments: [{ fileName: "quote.pdf", bytes: new Uint8Array(PDF) }],
      idempotencyKey: randomUUID(),
    },
    analyst.actor,
  );
  return {
    disputeId: raised.id,
    customerId: customer.id,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    name,
  };
}

describe("dispute queue", () => {
  it("finds a dispute by customer name with counts per status tab", async () => {
    const { disputeId, name } = await disputed();
    const queue = await queueLoader(
      args(`/disputes?q=${encodeURIComponent(name)}`, { cookie: collector.cookie }),
    );
    expect(queue.rows.map((r) => r.id)).toEqual([disputeId]);
    expect(queue.byStatus.OPEN).toBe(1);
    expect(queue.filters.q).toBe(name);
    const resolvedTab = await queueLoader(
      args(`/disputes?status=resolved&q=${encodeURIComponent(name)}`, { cookie: collector.cookie }),
    );
    expect(resolvedTab.rows).toEqual([]);
    expect(resolvedTab.tab).toBe("resolved");
  });
});

describe("dispute page", () => {
  it("a wrong or malformed dispute id is 404 for the page, its forms and its documents", async () => {
    const { disputeId } = await disputed();
    for (const id of [randomUUID(), "not-a-uuid", "1' OR 1=1"]) {
      const params = { disputeId: id };
      expect(await status(disputeLoader(args("/x", { params, cookie: analyst.cookie })))).toBe(404);
      expect(
        await status(
          disputeAction(args("/x", { params, ...post(analyst.cookie, { intent: "note", body: "Hello" }) })),
        ),
      ).toBe(404);
    }
    const page = await disputeLoader(args("/x", { params: { disputeId }, cookie: analyst.cookie }));
    const attachmentId = page.dispute.attachments[0]!.id;
    expect(
      await status(
        documentLoader(
          args("/x", { params: { disputeId: randomUUID(), attachmentId }, cookie: analyst.cookie }),
        ),
      ),
    ).toBe(404);
  });

  it("downloads a document as an attachment of its detected type, never sniffed", async () => {
    const { disputeId } = await disputed();
    const page = await disputeLoader(args("/x", { params: { disputeId }, cookie: collector.cookie }));
    const doc = page.dispute.attachments[0]!;
    const response = (await documentLoader(
      args("/x", { params: { disputeId, attachmentId: doc.id }, cookie: collector.cookie }),
    )) as Response;
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="quote\.pdf"/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("refuses a disallowed upload with a clear message and stores nothing", async () => {
    const { disputeId } = await disputed();
    const params = { disputeId };
    const before = await getDb().disputeAttachment.count({ where: { disputeId } });
    const html = new File(["<html><script>alert(1)</script></html>"], "invoice.pdf", {
      type: "application/pdf",
    });
    const pdf = new File([PDF], "fine.pdf", { type: "application/pdf" });
    // A good and a bad file together: the bad one refuses the lot.
    const form = post(analyst.cookie, { intent: "attach", visibility: "INTERNAL" });
    form.form.append("attachments", pdf);
    form.form.append("attachments", html);
    const refused = await answer(disputeAction(args("/x", { params, ...form })));
    expect(refused.status).toBe(400);
    expect(refused.reply.initialValue).toMatchObject({ intent: "attach", visibility: "INTERNAL" });
    expect(Object.keys(refused.reply.error ?? {})).toEqual(["attachments"]);
    expect(refused.reply.error?.attachments?.[0]).toContain("invoice.pdf");
    expect(
      await status(
        disputeAction(
          args("/x", { params, ...post(analyst.cookie, { intent: "attach", attachments: html }) }),
        ),
      ),
    ).toBe(400);
    expect(await getDb().disputeAttachment.count({ where: { disputeId } })).toBe(before);
  });

  it("validates forms and gives back what was typed; messages stay plain text", async () => {
    const { disputeId } = await disputed();
    const params = { disputeId };
    const noCause = await answer(
      disputeAction(
        args("/x", {
          params,
          ...post(analyst.cookie, {
            intent: "resolve",
            outcome: "VALID",
            rootCause: "",
            explanation: "Agreed.",
          }),
        }),
      ),
    );
    expect(noCause.status).toBe(400);
    expect(noCause.reply.error).toEqual({ rootCause: ["Choose a root cause."] });
    expect(noCause.reply.initialValue).toMatchObject({ intent: "resolve", explanation: "Agreed." });
    const partial = await answer(
      disputeAction(
        args("/x", {
          params,
          ...post(analyst.cookie, {
            intent: "resolve",
            outcome: "PARTIAL",
            creditAmount: "",
            rootCause: "PRICING_ERROR",
            explanation: "Half.",
          }),
        }),
      ),
    );
    expect(partial.status).toBe(400);
    expect(partial.reply.error).toEqual({ creditAmount: ["Enter the agreed credit amount."] });
    const tooMuch = disputeAction(
      args("/x", {
        params,
        ...post(analyst.cookie, {
          intent: "resolve",
          outcome: "PARTIAL",
          creditAmount: "100.00",
          rootCause: "PRICING_ERROR",
          explanation: "All of it.",
        }),
      }),
    );
    expect(await status(tooMuch)).toBe(400);
    expect(
      await status(
        disputeAction(args("/x", { params, ...post(analyst.cookie, { intent: "reply", body: "   " }) })),
      ),
    ).toBe(400);
    // A collector may write but not resolve.
    expect(
      await status(
        disputeAction(
          args("/x", {
            params,
            ...post(collector.cookie, {
              intent: "resolve",
              outcome: "INVALID",
              rootCause: "OTHER",
              explanation: "No.",
            }),
          }),
        ),
      ),
    ).toBe(403);
    const note = await answer(
      disputeAction(
        args("/x", {
          params,
          ...post(collector.cookie, { intent: "note", body: "<img src=x onerror=alert(1)>" }),
        }),
      ),
    );
    expect(note.done).toEqual({ intent: "note", message: "Internal note added." });
    const page = await disputeLoader(args("/x", { params, cookie: analyst.cookie }));
    expect(page.dispute.messages.at(-1)).toMatchObject({
      visibility: "INTERNAL",
      body: "<img src=x onerror=alert(1)>",
    });
    expect(page.dispute.status).toBe("OPEN");
    expect(page.dispute.can).toEqual({
      comment: true,
      withdraw: true,
      review: true,
      assign: true,
      resolve: true,
      approve: false,
    });
    const collectorPage = await disputeLoader(args("/x", { params, cookie: collector.cookie }));
    expect(collectorPage.dispute.can).toEqual({
      comment: true,
      withdraw: true,
      review: false,
      assign: false,
      resolve: false,
      approve: false,
    });
  });

  it("resolves valid into a credit memo; above the approval amount a second AR manager approves", async () => {
    const small = await disputed([1]);
    const done = await answer(
      disputeAction(
        args("/x", {
          params: { disputeId: small.disputeId },
          ...post(analyst.cookie, {
            intent: "resolve",
            outcome: "VALID",
            rootCause: "PRICING_ERROR",
            explanation: "Sorry.",
          }),
        }),
      ),
    );
    expect(done.status).toBe(200);
    expect(done.done?.message).toMatch(/Credit memo CM-D-\d+ issued/);
    const invoice = await getDb().openItem.findUniqueOrThrow({ where: { id: small.invoiceId } });
    expect(invoice.openAmount).toBe(2_000_00n);

    const big = await disputed([2]);
    const params = { disputeId: big.disputeId };
    const proposed = await answer(
      disputeAction(
        args("/x", {
          params,
          ...post(manager.cookie, {
            intent: "resolve",
            outcome: "VALID",
            rootCause: "PRICING_ERROR",
            explanation: "Agreed.",
          }),
        }),
      ),
    );
    expect(proposed.done?.message).toMatch(/^Proposed/);
    // The proposer sees why there are no buttons; the analyst has no approver role.
    const own = await disputeLoader(args("/x", { params, cookie: manager.cookie }));
    expect(own.dispute.status).toBe("PENDING_APPROVAL");
    expect(own.dispute.decision?.decidedBy?.id).toBe(manager.id);
    expect(own.dispute.can).toMatchObject({ approve: true, resolve: false });
    expect(
      await status(disputeAction(args("/x", { params, ...post(manager.cookie, { intent: "approve" }) }))),
    ).toBe(403);
    expect(
      await status(disputeAction(args("/x", { params, ...post(analyst.cookie, { intent: "approve" }) }))),
    ).toBe(403);
    const second = await session(["AR_MANAGER"], "Second Manager");
    expect(
      await status(disputeAction(args("/x", { params, ...post(second.cookie, { intent: "reject" }) }))),
    ).toBe(400);
    const approved = await answer(
      disputeAction(args("/x", { params, ...post(second.cookie, { intent: "approve" }) })),
    );
    expect(approved.done?.message).toMatch(/^Approved\. Credit memo CM-D-\d+ issued and applied\.$/);
    const after = await disputeLoader(args("/x", { params, cookie: analyst.cookie }));
    expect(after.dispute.status).toBe("RESOLVED_VALID");
    expect(after.dispute.creditMemo?.applied).toBe(2_000_00n);
    expect(after.dispute.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(["dispute.raise", "dispute.propose", "dispute.approve", "dispute.resolve"]),
    );
  });

  /** The dispute's row and its history, to show a refused form changed nothing. */
  async function snapshot(disputeId: string) {
    const db = getDb();
    const dispute = await db.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    return {
      dispute,
      events: await db.auditEvent.count({ where: { entityType: "dispute", entityId: disputeId } }),
      messages: await db.disputeMessage.count({ where: { disputeId } }),
      attachments: await db.disputeAttachment.count({ where: { disputeId } }),
      items: await db.openItem.count({ where: { customerId: dispute.customerId } }),
    };
  }

  /** The analyst posts a form of the dispute page. */
  const submit = (disputeId: string, fields: Record<string, string | File>) =>
    answer(disputeAction(args("/x", { params: { disputeId }, ...post(analyst.cookie, fields) })));

  it("refuses an unknown intent with a 400 and changes nothing", async () => {
    const { disputeId } = await disputed();
    const before = await snapshot(disputeId);
    const refused = await submit(disputeId, { intent: "close-everything", body: "Done." });
    expect(refused.status).toBe(400);
    expect(refused.done).toBeNull();
    expect(refused.reply.error?.[""]).toEqual(["This form does not do that. Reload the page and try again."]);
    expect(await snapshot(disputeId)).toEqual(before);
  });

  it("refuses an unknown outcome with a 400 on the outcome, never resolving it as invalid", async () => {
    const { disputeId } = await disputed();
    const before = await snapshot(disputeId);
    const refused = await submit(disputeId, {
      intent: "resolve",
      outcome: "MAYBE",
      rootCause: "PRICING_ERROR",
      explanation: "Let us see.",
    });
    expect(refused.status).toBe(400);
    expect(refused.done).toBeNull();
    expect(refused.reply.error).toEqual({ outcome: ["Choose an outcome."] });
    expect(refused.reply.initialValue).toMatchObject({ outcome: "MAYBE", explanation: "Let us see." });
    const after = await snapshot(disputeId);
    expect(after).toEqual(before);
    expect(after.dispute).toMatchObject({ status: "OPEN", outcome: null });
  });

  it("puts a bad value of a known form on its field and changes nothing", async () => {
    const { disputeId } = await disputed();
    const before = await snapshot(disputeId);
    const refused = await submit(disputeId, {
      intent: "resolve",
      outcome: "VALID",
      rootCause: "BAD_LUCK",
      explanation: "Agreed.",
    });
    expect(refused.status).toBe(400);
    expect(refused.reply.error).toEqual({ rootCause: ["Choose a root cause."] });
    const hidden = await submit(disputeId, {
      intent: "attach",
      visibility: "EVERYONE",
      attachments: new File([PDF], "a.pdf"),
    });
    expect(hidden.status).toBe(400);
    expect(hidden.reply.error).toEqual({ visibility: ["Choose who sees them."] });
    expect(await snapshot(disputeId)).toEqual(before);
  });

  it("reassigns to a person and a department; an unknown owner is a form error", async () => {
    const { disputeId } = await disputed();
    const params = { disputeId };
    const department = await getDb().department.create({
      data: { code: `LOG-${randomUUID().slice(0, 6)}`, name: "Logistics" },
    });
    const bad = await answer(
      disputeAction(
        args("/x", {
          params,
          ...post(analyst.cookie, { intent: "reassign", ownerId: randomUUID(), departmentId: "" }),
        }),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.reply.error).toEqual({ ownerId: ["Choose an active staff member."] });
    const moved = await answer(
      disputeAction(
        args("/x", {
          params,
          ...post(analyst.cookie, {
            intent: "reassign",
            ownerId: manager.id,
            departmentId: department.id,
            note: "Yours",
          }),
        }),
      ),
    );
    expect(moved.done).toEqual({ intent: "reassign", message: "Reassigned." });
    const page = await disputeLoader(args("/x", { params, cookie: analyst.cookie }));
    expect(page.dispute.owner?.id).toBe(manager.id);
    expect(page.dispute.department?.name).toBe("Logistics");
  });
});

describe("logging a dispute for a customer", () => {
  async function invoice() {
    const db = getDb();
    const customer = await createCustomer(db, { legalEntityId: entityId });
    const inv = await createInvoiceForCustomer(db, customer.id, {
      lines: [100_00n, 250_00n].map((unitPrice, i) => ({
        description: `Part ${i + 1}`,
        quantityMilli: 1000n,
        unitPrice,
        taxRateBp: 0,
      })),
    });
    return { customerId: customer.id, invoiceId: inv.id };
  }

  it("walks customer, invoice and details; a collector logs a phone dispute of one line with a PDF", async () => {
    const { customerId, invoiceId } = await invoice();
    const name = (await getDb().customer.findUniqueOrThrow({ where: { id: customerId } })).name;
    const pickCustomer = await raiseLoader(
      args(`/disputes/new?q=${encodeURIComponent(name)}`, { cookie: collector.cookie }),
    );
    if (pickCustomer.step !== "customer") throw new Error("expected the customer step");
    expect(pickCustomer.customers?.rows.map((r) => r.id)).toContain(customerId);
    const pickInvoice = await raiseLoader(
      args(`/disputes/new?customerId=${customerId}`, { cookie: collector.cookie }),
    );
    expect(pickInvoice.step).toBe("invoice");
    // A child account's invoices are not offered on its parent's (a dispute is the invoice's customer's).
    const child = await createCustomer(getDb(), { legalEntityId: entityId, parentId: customerId });
    await createInvoiceForCustomer(getDb(), child.id);
    const parentsOwn = await raiseLoader(
      args(`/disputes/new?customerId=${customerId}`, { cookie: collector.cookie }),
    );
    if (parentsOwn.step !== "invoice") throw new Error("expected the invoice step");
    expect(parentsOwn.list.rows.map((r) => r.id)).toEqual([invoiceId]);
    const details = await raiseLoader(
      args(`/disputes/new?customerId=${customerId}&invoiceId=${invoiceId}`, { cookie: collector.cookie }),
    );
    if (details.step !== "details") throw new Error("expected the details step");
    expect(details.invoice.lines.map((l) => l.lineNo)).toEqual([1, 2]);

    const fields = {
      customerId,
      invoiceId,
      idempotencyKey: details.idempotencyKey,
      channel: "PHONE",
      scope: "LINES",
      line: "2",
      "lineAmount.2": "",
      reason: "",
      description: "Part 2 was never delivered.",
      contactEmail: "buyer@customer.example",
    };
    const missing = await answer(raiseAction(args("/disputes/new", { ...post(collector.cookie, fields) })));
    expect(missing.status).toBe(400);
    expect(missing.reply.error).toEqual({ reason: ["Choose a reason."] });
    expect(missing.reply.initialValue).toMatchObject({
      description: "Part 2 was never delivered.",
      line: "2",
    });
    expect(await getDb().dispute.count({ where: { invoiceId } })).toBe(0);

    const form = post(collector.cookie, { ...fields, reason: "QUANTITY_SHORT_SHIPMENT" });
    form.form.append("attachments", new File([PDF], "delivery-note.pdf", { type: "application/pdf" }));
    const response = (await raiseAction(args("/disputes/new", form))) as Response;
    expect(response.status).toBe(302);
    const dispute = await getDb().dispute.findFirstOrThrow({
      where: { invoiceId },
      include: { attachments: true },
    });
    expect(response.headers.get("location")).toBe(`/disputes/${dispute.id}`);
    expect(dispute).toMatchObject({
      channel: "PHONE",
      amount: 250_00n,
      notifyEmail: "buyer@customer.example",
    });
    expect(dispute.attachments.map((a) => a.fileName)).toEqual(["delivery-note.pdf"]);
  });

  it("another customer's invoice is 404", async () => {
    const a = await invoice();
    const b = await invoice();
    expect(
      await status(
        raiseLoader(
          args(`/disputes/new?customerId=${a.customerId}&invoiceId=${b.invoiceId}`, {
            cookie: collector.cookie,
          }),
        ),
      ),
    ).toBe(404);
    expect(
      await status(
        raiseAction(
          args("/disputes/new", {
            ...post(collector.cookie, {
              customerId: a.customerId,
              invoiceId: b.invoiceId,
              idempotencyKey: randomUUID(),
              channel: "EMAIL",
              scope: "WHOLE",
              reason: "TAX",
              description: "Wrong VAT.",
            }),
          }),
        ),
      ),
    ).toBe(404);
  });
});
