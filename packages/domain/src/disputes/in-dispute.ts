import { getDb, type Tx } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { OPEN_DISPUTE_STATUSES } from "./dispute-forms.ts";

/**
 * The "in dispute" read model (ADR 016): how much of an invoice is held by open disputes. This is
 * the one place statements, aging, the account pages and later dunning, worklists and forecasts
 * read it from. The amount is capped by the invoice's open amount (a payment may have arrived
 * while the dispute was open), so "in dispute" never exceeds what is owed; resolving or
 * withdrawing a dispute ends the hold, and the invoice is treated as usual again.
 */
export interface InvoiceInDispute {
  invoiceId: string;
  customerId: string;
  currency: string;
  /** Σ open disputes' amounts, at most the invoice's open amount (minor units). */
  amount: bigint;
  /** The open disputes, oldest first, for links ("in dispute: D-1042"). */
  disputes: { id: string; number: number }[];
}

/**
 * SQL: "the invoice `invoiceId` (a column reference such as `i.id`) has an open dispute", for
 * list filters that must agree with the functions below.
 */
export function openDisputeExistsSql(invoiceId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM dispute d WHERE d.invoice_id = ${invoiceId}
    AND d.status::text = ANY(${[...OPEN_DISPUTE_STATUSES]}::text[]))`;
}

type Row = {
  invoice_id: string;
  customer_id: string;
  currency: string;
  amount: bigint;
  ids: string[];
  numbers: number[];
};

function toInvoice(r: Row): InvoiceInDispute {
  return {
    invoiceId: r.invoice_id,
    customerId: r.customer_id,
    currency: r.currency.trim(),
    amount: BigInt(r.amount),
    disputes: r.ids.map((id, i) => ({ id, number: Number(r.numbers[i]) })),
  };
}

/** Held amounts of the given invoices (only those with an open dispute are in the map). */
export async function inDisputeByInvoice(
  invoiceIds: readonly string[],
  tx: Tx = getDb(),
): Promise<Map<string, InvoiceInDispute>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<Row[]>`
    SELECT d.invoice_id, i.customer_id, i.currency,
           LEAST(SUM(d.amount), i.open_amount)::bigint AS amount,
           array_agg(d.id::text ORDER BY d.number) AS ids,
           array_agg(d.number ORDER BY d.number) AS numbers
      FROM dispute d JOIN open_item i ON i.id = d.invoice_id
     WHERE d.invoice_id = ANY(${[...new Set(invoiceIds)]}::uuid[])
       AND d.status::text = ANY(${[...OPEN_DISPUTE_STATUSES]}::text[])
     GROUP BY d.invoice_id, i.customer_id, i.currency, i.open_amount`;
  return new Map(rows.map((r) => [r.invoice_id, toInvoice(r)]));
}

export interface CustomerInDispute {
  currency: string;
  /** Σ held amounts of the customer's invoices in this currency. */
  amount: bigint;
  invoices: number;
  disputes: number;
}

/**
 * Held amounts per customer and currency (account pages, aging, statements). Callers check the
 * actor's scope, as for balancesByCustomer.
 */
export async function inDisputeByCustomer(
  customerIds: readonly string[],
  tx: Tx = getDb(),
): Promise<Map<string, CustomerInDispute[]>> {
  const result = new Map<string, CustomerInDispute[]>();
  if (customerIds.length === 0) return result;
  const rows = await tx.$queryRaw<
    { customer_id: string; currency: string; amount: bigint; invoices: bigint; disputes: bigint }[]
  >`
    WITH held AS (
      SELECT d.customer_id, i.currency, d.invoice_id,
             LEAST(SUM(d.amount), i.open_amount) AS amount, COUNT(*) AS disputes
        FROM dispute d JOIN open_item i ON i.id = d.invoice_id
       WHERE d.customer_id = ANY(${[...new Set(customerIds)]}::uuid[])
         AND d.status::text = ANY(${[...OPEN_DISPUTE_STATUSES]}::text[])
       GROUP BY d.customer_id, i.currency, d.invoice_id, i.open_amount
    )
    SELECT customer_id, currency, SUM(amount)::bigint AS amount, COUNT(*)::bigint AS invoices,
           SUM(disputes)::bigint AS disputes
      FROM held GROUP BY customer_id, currency ORDER BY customer_id, currency`;
  for (const r of rows) {
    const entry: CustomerInDispute = {
      currency: r.currency.trim(),
      amount: BigInt(r.amount),
      invoices: Number(r.invoices),
      disputes: Number(r.disputes),
    };
    const list = result.get(r.customer_id);
    if (list) list.push(entry);
    else result.set(r.customer_id, [entry]);
  }
  return result;
}

/**
 * Held amounts per currency over every customer in `scope` ("all" for staff), for the portfolio's
 * aging summary.
 */
export async function inDisputeByCurrency(
  scope: "all" | readonly string[],
  tx: Tx = getDb(),
): Promise<Map<string, bigint>> {
  const customers = scope === "all" ? null : [...scope];
  const rows = await tx.$queryRaw<{ currency: string; amount: bigint }[]>`
    WITH held AS (
      SELECT i.currency, LEAST(SUM(d.amount), i.open_amount) AS amount
        FROM dispute d JOIN open_item i ON i.id = d.invoice_id
       WHERE d.status::text = ANY(${[...OPEN_DISPUTE_STATUSES]}::text[])
         AND (${customers}::uuid[] IS NULL OR d.customer_id = ANY(${customers}::uuid[]))
       GROUP BY d.invoice_id, i.currency, i.open_amount
    )
    SELECT currency, SUM(amount)::bigint AS amount FROM held GROUP BY currency`;
  return new Map(rows.map((r) => [r.currency.trim(), BigInt(r.amount)]));
}
