import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REQUEST } from "@settle/domain/disputes/attachment-type";
import type { FormAnswer, RefusalWords } from "@settle/web/forms.server";
import { declaredTooLarge } from "@settle/web/uploads.server";
import { data } from "react-router";

/** The upload limits, for a form's hint (the domain enforces them). */
export const UPLOAD_LIMITS = {
  files: MAX_ATTACHMENTS_PER_REQUEST,
  megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
};

/** Ten files of 10 MB and the form around them. */
const MAX_FORM_BYTES = MAX_ATTACHMENTS_PER_REQUEST * MAX_ATTACHMENT_BYTES + 1024 * 1024;

/**
 * A dispute form that declares a body above the limit is refused before it is read (413), the
 * error on its documents field in the page's words; `initialValue` says which form it was.
 */
export function refuseTooLarge(
  request: Request,
  initialValue: Record<string, string>,
  refusalWords: RefusalWords,
) {
  if (!declaredTooLarge(request, MAX_FORM_BYTES)) return null;
  const message = refusalWords({ code: "VALIDATION", reason: "too-many-files", values: UPLOAD_LIMITS });
  return data<FormAnswer<never>>(
    { reply: { status: "error", initialValue, error: { attachments: [message] } }, done: null },
    { status: 413 },
  );
}
