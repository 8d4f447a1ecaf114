import { z } from "zod";
import type { Actor } from "../actor.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { DomainError } from "../errors.ts";
import { type InvoiceDetail, loadInvoiceDetails } from "./invoice-details.ts";
import { MAX_INVOICES_PER_DOWNLOAD } from "./invoice-list-options.ts";

export const GetInvoicesSchema = z.object({
  customerId: z.string().max(100),
  // Ids are checked against the scope below: a malformed one is NOT_FOUND like a foreign one.
  invoiceIds: z.array(z.string().max(100)).max(MAX_INVOICES_PER_DOWNLOAD * 2),
});
export type GetInvoicesInput = z.input<typeof GetInvoicesSchema>;

/**
 * Several invoices of one account at once (a ZIP of their PDFs), in the order given, each once.
 * If any of them is outside the actor's scope the whole request is NOT_FOUND.
 */
export async function getInvoices(
  rawInput: GetInvoicesInput,
  actor: Actor,
  options: { now?: Date } = {},
): Promise<InvoiceDetail[]> {
  const input = GetInvoicesSchema.parse(rawInput);
  // Scope first: another account's download is NOT_FOUND whatever else is wrong with it.
  assertReadableCustomerId(actor, input.customerId);
  const ids = [...new Set(input.invoiceIds.map((id) => id.trim().toLowerCase()).filter(Boolean))];
  if (ids.length === 0) {
    throw new DomainError("VALIDATION", "Select at least one invoice to download.", {
      problem: "emptySelection",
    });
  }
  if (ids.length > MAX_INVOICES_PER_DOWNLOAD) {
    throw new DomainError(
      "VALIDATION",
      `Select at most ${MAX_INVOICES_PER_DOWNLOAD} invoices per download (you selected ${ids.length}).`,
      { problem: "tooManySelected", max: MAX_INVOICES_PER_DOWNLOAD, selected: ids.length },
    );
  }
  return loadInvoiceDetails(actor, input.customerId, ids, options);
}
