import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type DomainErrorCode, isDomainError, statusForCode } from "@settle/domain/errors";
import { data } from "react-router";
import { ZodError, type z } from "zod";
import type { $ZodIssue } from "zod/v4/core";
import { refusalOf, throwAsResponse } from "./domain-errors.server.ts";

export { refusalOf };

/**
 * Why a use case refused a form, for the page to say in its language: the error's code, the
 * reason the use case gave (`details.reason`, e.g. "last-admin") and the values the words need.
 */
export interface Refusal {
  code: DomainErrorCode;
  reason: string | null;
  values: Record<string, string | number>;
}

/** Words for a refusal in the page's language (e.g. t(`forms:refusals.${reason ?? code}`, values)). */
export type RefusalWords = (refusal: Refusal) => string;

/** What every form action answers: Conform's reply (field and form errors), and what it did. */
export interface FormAnswer<Done> {
  reply: SubmissionResult<string[]>;
  done: Done | null;
}

/** A domain error as the page words it (also for a loader that shows a refusal on its page). */

/** The field a schema issue belongs to, in Conform's name form (`lines[0].amount`). */
function fieldName(path: readonly PropertyKey[]): string {
  let name = "";
  for (const part of path) {
    if (typeof part === "number") name += `[${part}]`;
    else name += name ? `.${String(part)}` : String(part);
  }
  return name;
}

/**
 * The one way an action handles a form, in both apps:
 *
 * 1. The submission is parsed with the domain's schema for it (the same schema the page's
 *    `useForm` validates with in the browser). A form with several actions has a discriminated
 *    union on `intent`: an unknown intent is a 400 that says so, never coerced into another action.
 * 2. Invalid values come back as Conform's reply, each error on its field, status 400: nothing
 *    typed is lost.
 * 3. The use case runs with the parsed value. A refusal (DomainError) comes back as the reply too,
 *    on the field it names (`details.field`) or on the form, worded by `words` from its code and
 *    reason, with the code's status (and Retry-After when the use case says when to retry).
 *    NOT_FOUND is the 404 page, as for a loader; anything unexpected is a 500 without details.
 * 4. On success, `done` maps the use case's result to what the page shows (a message, an id), or
 *    to a redirect Response, which is returned as it is.
 *
 * `formatError` words a field's schema issues in the page's language (the schema's own messages
 * are English); the page's `useForm` validates with the same function, so both say the same.
 */
export async function submitForm<Schema extends z.ZodType, Result, Done>(
  formData: FormData,
  schema: Schema,
  run: (value: z.output<Schema>) => Promise<Result>,
  options: {
    words: RefusalWords;
    done: (result: Result) => Done | Response;
    formatError?: (issues: $ZodIssue[]) => string[];
  },
) {
  const format = options.formatError ?? ((issues: $ZodIssue[]) => issues.map((issue) => issue.message));
  const submission = parseWithZod(formData, { schema, formatError: format });
  if (submission.status !== "success") {
    const unknownIntent = formData.has("intent") && submission.error?.intent !== undefined;
    const reply = unknownIntent
      ? submission.reply({
          formErrors: [options.words({ code: "VALIDATION", reason: "unknown-intent", values: {} })],
        })
      : submission.reply();
    return data<FormAnswer<Done>>({ reply, done: null }, { status: 400 });
  }
  let result: Result;
  try {
    result = await run(submission.value as z.output<Schema>);
  } catch (error) {
    if (error instanceof ZodError) {
      const byField = new Map<string, $ZodIssue[]>();
      for (const issue of error.issues) {
        const name = fieldName(issue.path) || "";
        byField.set(name, [...(byField.get(name) ?? []), issue as $ZodIssue]);
      }
      const fieldErrors: Record<string, string[]> = {};
      for (const [name, issues] of byField) fieldErrors[name] = format(issues);
      return data<FormAnswer<Done>>(
        { reply: submission.reply({ fieldErrors }), done: null },
        { status: 400 },
      );
    }
    if (!isDomainError(error) || error.code === "NOT_FOUND") throwAsResponse(error);
    const message = options.words(refusalOf(error));
    const field = typeof error.details?.field === "string" ? error.details.field : null;
    const retry = error.details?.retryAfterSeconds;
    return data<FormAnswer<Done>>(
      {
        reply: field
          ? submission.reply({ fieldErrors: { [field]: [message] } })
          : submission.reply({ formErrors: [message] }),
        done: null,
      },
      {
        status: statusForCode(error.code),
        headers: typeof retry === "number" ? { "Retry-After": String(retry) } : undefined,
      },
    );
  }
  const done = options.done(result);
  if (done instanceof Response) return done;
  return data<FormAnswer<Done>>({ reply: submission.reply({ resetForm: true }), done });
}
