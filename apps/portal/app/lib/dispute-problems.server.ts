import { isDomainError } from "@settle/domain/errors";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { data } from "react-router";

/**
 * A dispute command's refusal for the page to word in the visitor's language: `problem` is a key
 * under disputes:problems ("alreadyDisputed", "aboveOpen", "tooLarge", …) with the values it
 * needs; `disputeId` links to the dispute already open. NOT_FOUND stays the 404 page.
 */
export interface DisputeProblem {
  ok: false;
  problem: string;
  field: string | null;
  values: Record<string, string>;
  disputeId: string | null;
}

const KNOWN = new Set(["alreadyDisputed", "aboveOpen", "paid", "tooLarge", "type", "empty"]);

export function disputeProblem(error: unknown, status?: number) {
  if (!isDomainError(error) || error.code === "NOT_FOUND" || error.code === "FORBIDDEN")
    throwAsResponse(error);
  const details = error.details ?? {};
  const problem =
    typeof details.problem === "string" && KNOWN.has(details.problem)
      ? details.problem
      : error.code === "INVALID_STATE"
        ? "closed"
        : error.code === "VALIDATION"
          ? "invalid"
          : "failed";
  const values: Record<string, string> = {};
  if (typeof details.disputeNumber === "number") values.label = `D-${details.disputeNumber}`;
  // Minor units: the page formats it in the invoice's currency and the visitor's language.
  if (typeof details.available === "string") values.available = details.available;
  return data<DisputeProblem>(
    {
      ok: false,
      problem,
      field: typeof details.field === "string" ? details.field : null,
      values,
      disputeId: typeof details.disputeId === "string" ? details.disputeId : null,
    },
    { status: status ?? (error.code === "CONFLICT" || error.code === "INVALID_STATE" ? 409 : 400) },
  );
}

/** Uploaded files of a multipart form field, as the domain takes them (empty inputs skipped). */
export async function uploadedFiles(formData: FormData, name: string) {
  const files = formData.getAll(name).filter((f): f is File => typeof f !== "string" && f.size > 0);
  return Promise.all(
    files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** Ten files of 10 MB and the form around them: anything larger is refused before it is read. */
export const MAX_DISPUTE_FORM_BYTES = 10 * 10 * 1024 * 1024 + 1024 * 1024;

export function tooLargeRequest(request: Request): boolean {
  const length = Number(request.headers.get("content-length") ?? "0");
  return Number.isFinite(length) && length > MAX_DISPUTE_FORM_BYTES;
}
