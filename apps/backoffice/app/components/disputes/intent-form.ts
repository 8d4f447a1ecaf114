import { type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import type { $ZodIssue } from "zod/v4/core";

/** What a page's action answers: Conform's reply, and on success which form did what. */
export interface IntentAnswer<Intent extends string = string> {
  reply: SubmissionResult<string[]>;
  done: { intent: Intent; message: string } | null;
}

function intentOf(answer: IntentAnswer): unknown {
  return answer.done?.intent ?? answer.reply.initialValue?.intent;
}

/**
 * On a page with several forms, the reply belongs to the one that posted its intent: only that
 * form shows the errors and keeps what was typed.
 */
export function replyFor(answer: IntentAnswer | undefined, ...intents: string[]) {
  return answer && intents.includes(intentOf(answer) as string) ? answer.reply : undefined;
}

/** The success message of the form that posted one of `intents`. */
export function doneFor(answer: IntentAnswer | undefined, ...intents: string[]) {
  return answer?.done && intents.includes(answer.done.intent) ? answer.done.message : undefined;
}

/**
 * One of the page's forms, validated in the browser with the page's schema (the one the action
 * parses with): errors show on leaving a field and go as soon as the value is right.
 */
export function useIntentForm(
  schema: z.ZodType<Record<string, unknown>, Record<string, unknown>>,
  id: string,
  lastResult: SubmissionResult<string[]> | undefined,
  defaultValue?: Record<string, string>,
  /** The page's words for the schema's issues (as the action's submitForm gets them). */
  formatError?: (issues: $ZodIssue[]) => string[],
) {
  return useForm<Record<string, unknown>, Record<string, unknown>>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema, ...(formatError ? { formatError } : {}) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
}
