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
import { beforeAll, describe, expect, it } from "vitest";
import { csrfToken } from "../csrf.server.ts";
import { signInCookie } from "../session.server.ts";
import { action as disputeAction, loader as disputeLoader } from "./dispute.tsx";
import { loader as documentLoader } from "./dispute-document.ts";
import { action as raiseAction, loader as raiseLoader } from "./dispute-new.tsx";
import { loader as queueLoader } from "./disputes.tsx";

const BASE = "http://127.0.0.1:3001";
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

function args<T>(
  url: string,
  init: { cookie?: string; params?: Record<string, string>; body?: FormData } = {},
): T {
  const headers = new Headers({ "user-agent": "vitest", origin: BASE, "sec-fetch-site": "same-origin" });
  if (init.cookie) headers.set("cookie", init.cookie);
  const request = new Request(`${BASE}${url}`, {
    method: init.body ? "POST" : "GET",
    headers,
    body: init.body,
  });
  return { request, params: init.params ?? {}, context: { clientAddress: "127.0.0.9", nonce: "n" } } as T;
}

/** A form with a valid CSRF token (files as Blobs), and the session cookie with the CSRF cookie. */
function post(session: string, fields: Record<string, string | File>) {
  const { token, setCookie } = csrfToken(new Request(BASE));
  const form = new FormData();
  form.set("csrf", token);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return { body: form, cookie: `${session}; ${setCookie!.split(";")[0]!}` };
}

/** The HTTP status a loader or action answered with (thrown responses included). */
async function status(promise: Promise<unknown>): Promise<number> {
  try {
    const result = await promise;
    if (result instanceof Response) return result.status;
    return (result as { init?: ResponseInit | null })?.init?.status ?? 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    const init = (error as { init?: ResponseInit | null }).init;
    if (init?.status) return init.status;
    throw error;
  }
}

/** An action's answer body (plain object or `data()` wrapper). */
async function answer(promise: Promise<unknown>) {
  const result = (await promise) as { data?: unknown };
  return (result && typeof result === "object" && "data" in result ? result.data : result) as {
    ok: boolean;
    intent: string;
    message: string;
    field: string | null;
    values: Record<string, string>;
  };
}

async function session(roles: StaffRole[], name = "Route Staff") {
  const user = await createStaffUser(getDb(), {
    email: `dispute-route-${randomUUID().slice(0, 8)}@settle.example`,
    roles,
    passwordHash: "not-used",
    name,
  });
  const cookie = (await signInCookie(new Request(BASE), undefined, user.id)).split(";")[0]!;
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
    form.body.append("files", pdf);
    form.body.append("files", html);
    const refused = await answer(disputeAction(args("/x", { params, ...form })));
    expect(refused).toMatchObject({ ok: false, intent: "attach", field: "attachments" });
    expect(refused.message).toContain("invoice.pdf");
    expect(refused.values.visibility).toBe("INTERNAL");
    expect(
      await status(
        disputeAction(args("/x", { params, ...post(analyst.cookie, { intent: "attach", files: html }) })),
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
    expect(noCause).toMatchObject({ ok: false, intent: "resolve", message: "Choose a root cause." });
    expect(noCause.values.explanation).toBe("Agreed.");
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
    expect(partial).toMatchObject({
      ok: false,
      field: "creditAmount",
      message: "Enter the agreed credit amount.",
    });
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
    expect(note).toMatchObject({ ok: true, message: "Internal note added." });
    const page = await disputeLoader(args("/x", { params, cookie: analyst.cookie }));
    expect(page.dispute.messages.at(-1)).toMatchObject({
      visibility: "INTERNAL",
      body: "<img src=x onerror=alert(1)>",
    });
    expect(page.dispute.status).toBe("OPEN");
    expect(page.can).toEqual({ message: true, work: true, approve: false });
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
    expect(done.ok).toBe(true);
    expect(done.message).toMatch(/Credit memo CM-D-\d+ issued/);
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
    expect(proposed.message).toMatch(/^Proposed/);
    // The proposer sees why there are no buttons; the analyst has no approver role.
    const own = await disputeLoader(args("/x", { params, cookie: manager.cookie }));
    expect(own.dispute.status).toBe("PENDING_APPROVAL");
    expect(own.dispute.decision?.decidedBy?.id).toBe(manager.id);
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
    expect(approved.ok).toBe(true);
    const after = await disputeLoader(args("/x", { params, cookie: analyst.cookie }));
    expect(after.dispute.status).toBe("RESOLVED_VALID");
    expect(after.dispute.creditMemo?.applied).toBe(2_000_00n);
    expect(after.dispute.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(["dispute.raise", "dispute.propose", "dispute.approve", "dispute.resolve"]),
    );
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
    expect(bad).toMatchObject({ ok: false, field: "ownerId", message: "Choose an active staff member." });
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
    expect(moved).toMatchObject({ ok: true, message: "Reassigned." });
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
      "lineAmount-2": "",
      reason: "",
      description: "Part 2 was never delivered.",
      contactEmail: "buyer@customer.example",
    };
    const missing = (await raiseAction(
      args("/disputes/new", { ...post(collector.cookie, fields) }),
    )) as unknown as {
      data: { ok: boolean; message: string; values: Record<string, string> };
      init: ResponseInit;
    };
    expect(missing.init.status).toBe(400);
    expect(missing.data).toMatchObject({ ok: false, message: "Choose a reason." });
    expect(missing.data.values).toMatchObject({ description: "Part 2 was never delivered.", lines: "2" });
    expect(await getDb().dispute.count({ where: { invoiceId } })).toBe(0);

    const form = post(collector.cookie, { ...fields, reason: "QUANTITY_SHORT_SHIPMENT" });
    form.body.append("files", new File([PDF], "delivery-note.pdf", { type: "application/pdf" }));
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
