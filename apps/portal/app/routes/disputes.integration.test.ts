import { pdfText } from "@settle/documents/test-support";
import { getDb } from "@settle/domain/db/client";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
} from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { portalCaller, portalSessionCookie } from "../route-test.test-support";
import { action as detailAction, loader as detailLoader } from "./dispute-detail";
import { loader as documentLoader } from "./dispute-document";
import { action as raiseAction, loader as raiseLoader } from "./dispute-new";
import { loader as listLoader } from "./disputes";
import { loader as invoiceLoader } from "./invoice-detail";
import { loader as statementCsv } from "./statement-csv";
import { loader as statementPdf } from "./statement-pdf";

const PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
let account: string;
let foreign: string;
let invoiceId: string;
const call = portalCaller();

async function cookieFor(email: string): Promise<string> {
  return portalSessionCookie((await getDb().portalUser.findUniqueOrThrow({ where: { email } })).id);
}

type Field = string | { name: string; content: string; type?: string };

/** Loader/action arguments for the user with this cookie; a body is posted as a multipart form. */
function args(
  url: string,
  cookie: string,
  params: Record<string, string>,
  body?: Record<string, Field | Field[]>,
) {
  const form = Object.entries(body ?? {}).flatMap(([k, value]) =>
    (Array.isArray(value) ? value : [value]).map((v): [string, string | File] => [
      k,
      typeof v === "string"
        ? v
        : new File([v.content], v.name, { type: v.type ?? "application/octet-stream" }),
    ]),
  );
  return call<never>(url, { cookie, params, ...(body ? { form } : {}) });
}

beforeAll(async () => {
  const db = getDb();
  const entity = await createLegalEntity(db, { name: "Portal Disputes Test Inc." });
  account = (await createCustomer(db, { legalEntityId: entity.id })).id;
  foreign = (await createCustomer(db, { legalEntityId: entity.id })).id;
  invoiceId = (
    await createInvoiceForCustomer(db, account, {
      lines: [100_00n, 200_00n, 300_00n].map((unitPrice, i) => ({
        description: `Item ${i + 1}`,
        quantityMilli: 1000n,
        unitPrice,
        taxRateBp: 0,
      })),
    })
  ).id;
  await createPortalUser(db, {
    email: "viewer@disputes-portal.example",
    memberships: [{ customerId: account, role: "VIEWER" }],
  });
  await createPortalUser(db, {
    email: "other@disputes-portal.example",
    memberships: [{ customerId: foreign, role: "ADMIN" }],
  });
});

describe("portal disputes", () => {
  it("a viewer disputes two lines with a PDF, sees it, downloads it, replies and withdraws; strangers get 404", async () => {
    const viewer = await cookieFor("viewer@disputes-portal.example");
    const params = { customerId: account, invoiceId };
    const form = await outcome(
      raiseLoader(args(`/accounts/${account}/invoices/${invoiceId}/dispute`, viewer, params)),
    );
    expect(form.status).toBe(200);
    const key = String(form.data?.idempotencyKey);

    const raised = await outcome(
      raiseAction(
        args(`/accounts/${account}/invoices/${invoiceId}/dispute`, viewer, params, {
          idempotencyKey: key,
          scope: "LINES",
          line: ["1", "2"],
          reason: "PRICING",
          description: "Lines 1 and 2 above contract.",
          files: { name: "contract.pdf", content: PDF, type: "application/pdf" },
        }),
      ),
    );
    expect(raised.status).toBe(302);
    const location = raised.response?.headers.get("location") ?? "";
    const disputeId = /\/disputes\/([0-9a-f-]{36})\?raised=1$/.exec(location)?.[1] ?? "";
    expect(location).toBe(`/accounts/${account}/disputes/${disputeId}?raised=1`);

    const detailParams = { customerId: account, disputeId };
    const detail = await outcome(
      detailLoader(args(`/accounts/${account}/disputes/${disputeId}`, viewer, detailParams)),
    );
    const dispute = detail.data?.dispute as { status: string; amount: bigint; attachments: { id: string }[] };
    expect(dispute).toMatchObject({ status: "OPEN", amount: 300_00n });
    const attachmentId = dispute.attachments[0]?.id ?? "";
    const doc = await outcome(
      documentLoader(
        args(`/accounts/${account}/disputes/${disputeId}/documents/${attachmentId}`, viewer, {
          ...detailParams,
          attachmentId,
        }),
      ),
    );
    expect(doc.status).toBe(200);
    expect(doc.response?.headers.get("content-type")).toBe("application/pdf");
    expect(doc.response?.headers.get("content-disposition")).toMatch(/^attachment; filename="contract.pdf"/);
    expect(doc.response?.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await doc.response?.text()).toBe(PDF);

    const invoice = await outcome(
      invoiceLoader(args(`/accounts/${account}/invoices/${invoiceId}`, viewer, params)),
    );
    expect(invoice.data).toMatchObject({ invoice: { inDispute: { amount: 300_00n } } });
    const list = await outcome(
      listLoader(args(`/accounts/${account}/disputes`, viewer, { customerId: account })),
    );
    expect(list.data).toMatchObject({ disputes: [{ id: disputeId }] });
    expect(list.data?.disputes).toHaveLength(1);

    // The same line again: 409 naming the open dispute.
    const again = await outcome(
      raiseAction(
        args(`/accounts/${account}/invoices/${invoiceId}/dispute`, viewer, params, {
          idempotencyKey: `${key}-2`,
          scope: "LINES",
          line: "2",
          reason: "PRICING",
          description: "Again.",
        }),
      ),
    );
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({
      reply: {
        error: {
          "": [expect.stringMatching(/^Dispute D-\d+ is already open for this part of the invoice\.$/)],
        },
      },
      heldBy: { id: disputeId, label: expect.stringMatching(/^D-\d+$/) },
    });

    // Invalid values: each on its field, worded by the portal, nothing raised.
    const raise = (fields: Record<string, string>) =>
      outcome(
        raiseAction(
          args(`/accounts/${account}/invoices/${invoiceId}/dispute`, viewer, params, {
            idempotencyKey: `${key}-3`,
            description: "Not quite right.",
            ...fields,
          }),
        ),
      );
    const noReason = await raise({ scope: "WHOLE" });
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({ reply: { error: { reason: ["Choose a reason"] } } });
    const noLine = await raise({ scope: "LINES", reason: "PRICING" });
    expect(noLine.status).toBe(400);
    expect(noLine.data).toMatchObject({ reply: { error: { line: ["Choose at least one line."] } } });
    const aboveTotal = await outcome(
      raiseAction(
        args(`/accounts/${account}/invoices/${invoiceId}/dispute`, viewer, params, {
          idempotencyKey: `${key}-4`,
          scope: "LINES",
          line: "3",
          "lineAmount[3]": "999.00",
          reason: "PRICING",
          description: "More than the line.",
        }),
      ),
    );
    expect(aboveTotal.status).toBe(400);
    expect(aboveTotal.data).toMatchObject({ reply: { error: { "lineAmount[3]": [expect.any(String)] } } });

    // A disallowed file: refused, nothing stored.
    const before = await getDb().disputeAttachment.count();
    const html = await outcome(
      detailAction(
        args(`/accounts/${account}/disputes/${disputeId}`, viewer, detailParams, {
          intent: "attach",
          files: {
            name: "evil.pdf",
            content: "<html><script>alert(1)</script></html>",
            type: "application/pdf",
          },
        }),
      ),
    );
    expect(html.status).toBe(400);
    expect(html.data).toMatchObject({
      reply: { error: { files: [expect.stringMatching(/^A file is not of a type we accept/)] } },
      done: null,
    });
    expect(await getDb().disputeAttachment.count()).toBe(before);

    const reply = await outcome(
      detailAction(
        args(`/accounts/${account}/disputes/${disputeId}`, viewer, detailParams, {
          intent: "reply",
          body: "<b>See attached</b>",
        }),
      ),
    );
    expect(reply.data).toMatchObject({ done: { intent: "reply", notice: "sent" } });

    // Another account's user: every route is a 404.
    const other = await cookieFor("other@disputes-portal.example");
    for (const run of [
      () => detailLoader(args(`/accounts/${account}/disputes/${disputeId}`, other, detailParams)),
      () =>
        detailLoader(
          args(`/accounts/${foreign}/disputes/${disputeId}`, other, { customerId: foreign, disputeId }),
        ),
      () =>
        documentLoader(
          args(`/accounts/${foreign}/disputes/${disputeId}/documents/${attachmentId}`, other, {
            customerId: foreign,
            disputeId,
            attachmentId,
          }),
        ),
      () =>
        detailAction(
          args(
            `/accounts/${foreign}/disputes/${disputeId}`,
            other,
            { customerId: foreign, disputeId },
            { intent: "withdraw" },
          ),
        ),
    ]) {
      expect((await outcome(run())).status).toBe(404);
    }

    const withdrawn = await outcome(
      detailAction(
        args(`/accounts/${account}/disputes/${disputeId}`, viewer, detailParams, { intent: "withdraw" }),
      ),
    );
    expect(withdrawn.data).toMatchObject({ done: { intent: "withdraw", notice: "withdrawn" } });
    const after = await outcome(
      detailLoader(args(`/accounts/${account}/disputes/${disputeId}`, viewer, detailParams)),
    );
    expect(after.data?.dispute).toMatchObject({
      status: "WITHDRAWN",
      canWithdraw: false,
      messages: [{ body: "<b>See attached</b>" }],
    });
  });
  it("the statement's CSV and PDF say how much is in dispute", async () => {
    const viewer = await cookieFor("viewer@disputes-portal.example");
    const disputed = await createInvoiceForCustomer(getDb(), account, {
      lines: [40_00n, 60_00n].map((unitPrice, i) => ({
        description: `Part ${i + 1}`,
        quantityMilli: 1000n,
        unitPrice,
        taxRateBp: 0,
      })),
    });
    const params = { customerId: account, invoiceId: disputed.id };
    const form = await outcome(
      raiseLoader(args(`/accounts/${account}/invoices/${disputed.id}/dispute`, viewer, params)),
    );
    const raised = await outcome(
      raiseAction(
        args(`/accounts/${account}/invoices/${disputed.id}/dispute`, viewer, params, {
          idempotencyKey: String(form.data?.idempotencyKey),
          scope: "LINES",
          line: "2",
          reason: "QUANTITY_SHORT_SHIPMENT",
          description: "Only half of part 2 arrived.",
        }),
      ),
    );
    expect(raised.status).toBe(302);

    const query = `/accounts/${account}/statement.csv?view=open&currency=${disputed.currency}`;
    const csv = await outcome(statementCsv(args(query, viewer, { customerId: account })));
    const rows = (await csv.response!.text()).trim().split(/\r?\n/);
    const header = rows[0]!.split(",");
    const column = header.indexOf("In dispute today");
    expect(column).toBeGreaterThan(-1);
    const row = rows.find((r) => r.includes(disputed.number))!.split(",");
    expect(row[column]).toBe("60.00");

    const pdf = await outcome(
      statementPdf(args(query.replace("statement.csv", "statement.pdf"), viewer, { customerId: account })),
    );
    const text = pdfText(Buffer.from(await pdf.response!.arrayBuffer())).replace(/\s+/g, " ");
    expect(text).toMatch(/Of which in dispute 60\.00/);
  });
  it("the dispute page's forms: an unknown intent is a 400, an invalid value its field's error, in the visitor's language", async () => {
    const viewer = await cookieFor("viewer@disputes-portal.example");
    const params = { customerId: account, invoiceId };
    const form = await outcome(
      raiseLoader(args(`/accounts/${account}/invoices/${invoiceId}/dispute`, viewer, params)),
    );
    const raised = await outcome(
      raiseAction(
        args(`/accounts/${account}/invoices/${invoiceId}/dispute`, viewer, params, {
          idempotencyKey: String(form.data?.idempotencyKey),
          scope: "LINES",
          line: "3",
          reason: "DAMAGED_GOODS",
          description: "Item 3 arrived broken.",
        }),
      ),
    );
    const disputeId =
      /\/disputes\/([0-9a-f-]{36})/.exec(raised.response?.headers.get("location") ?? "")?.[1] ?? "";
    const detailParams = { customerId: account, disputeId };
    const post = (body: Record<string, Field | Field[]>, cookie = viewer) =>
      outcome(detailAction(args(`/accounts/${account}/disputes/${disputeId}`, cookie, detailParams, body)));
    const messages = () => getDb().disputeMessage.count({ where: { disputeId } });
    const before = await messages();

    const unknown = await post({ intent: "delete", body: "Hello" });
    expect(unknown.status).toBe(400);
    expect(unknown.data).toMatchObject({
      reply: { error: { "": ["That did not work. Please check the form and try again."] } },
      done: null,
    });

    const empty = await post({ intent: "reply", body: "   " });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ reply: { error: { body: ["Write your message."] } }, done: null });

    const noFile = await post({ intent: "attach" });
    expect(noFile.status).toBe(400);
    expect(noFile.data).toMatchObject({ reply: { error: { files: ["Choose a file to upload."] } } });
    const eleven = Array.from({ length: 11 }, (_, i) => ({
      name: `p${i}.pdf`,
      content: PDF,
      type: "application/pdf",
    }));
    const tooMany = await post({ intent: "attach", files: eleven });
    expect(tooMany.status).toBe(400);
    expect(tooMany.data).toMatchObject({
      reply: { error: { files: ["Attach at most 10 files at a time."] } },
    });
    expect(await messages()).toBe(before);

    // The visitor's language: a member who chose Spanish gets Spanish words.
    await createPortalUser(getDb(), {
      email: "spanish@disputes-portal.example",
      memberships: [{ customerId: account, role: "VIEWER" }],
    });
    await getDb().portalUser.update({
      where: { email: "spanish@disputes-portal.example" },
      data: { locale: "es" },
    });
    const spanish = await post(
      { intent: "reply", body: "" },
      await cookieFor("spanish@disputes-portal.example"),
    );
    expect(spanish.data).toMatchObject({ reply: { error: { body: ["Escriba su mensaje."] } } });

    // More than is open and not already disputed: the amount's field says how much is, in its currency.
    const above = await outcome(
      raiseAction(
        args(`/accounts/${account}/invoices/${invoiceId}/dispute`, viewer, params, {
          idempotencyKey: `portal-dispute-above-${disputeId}`,
          scope: "AMOUNT",
          amount: "999.00",
          reason: "PRICING",
          description: "Too much.",
        }),
      ),
    );
    expect(above.status).toBe(400);
    expect(above.data).toMatchObject({
      reply: {
        error: {
          amount: [
            "The disputed amount is more than is open and not already disputed on this invoice ($300.00).",
          ],
        },
      },
    });

    // A closed dispute takes no more messages: the form says so.
    expect((await post({ intent: "withdraw", note: "Sorted out by phone." })).status).toBe(200);
    const closed = await post({ intent: "reply", body: "One more thing" });
    expect(closed.status).toBe(409);
    expect(closed.data).toMatchObject({ reply: { error: { "": ["This dispute is closed."] } } });
  });
});
