import { type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { PortalDisputeFormSchema } from "@settle/domain/disputes/portal-dispute-forms";
import { useMemo } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { disputeFieldWords } from "./dispute-form-words";

export type DisputeIntent = "reply" | "attach" | "withdraw";

/** What the dispute page's action answered: Conform's reply, and what it did (with its intent). */
export interface DisputeAnswer {
  reply: SubmissionResult<string[]>;
  done: { intent: DisputeIntent; notice: "sent" | "uploaded" | "withdrawn"; count?: number } | null;
}

/** The intent an answer is about: the one submitted, or the one that succeeded. */
export function answeredIntent(answer: DisputeAnswer | undefined): string | null {
  if (!answer) return null;
  if (answer.done) return answer.done.intent;
  const submitted = answer.reply.initialValue?.intent;
  return typeof submitted === "string" ? submitted : null;
}

/**
 * One of the page's forms, validated in the browser with the schema the server uses and worded
 * like the server: each form takes the action's answer only when it is about its own intent.
 */
export function useDisputeForm(intent: DisputeIntent, answer: DisputeAnswer | undefined) {
  const { t } = useTranslation("disputes");
  const formatError = useMemo(() => disputeFieldWords(t), [t]);
  return useForm({
    id: `dispute-${intent}`,
    lastResult: answeredIntent(answer) === intent ? answer?.reply : undefined,
    constraint: getZodConstraint(PortalDisputeFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PortalDisputeFormSchema, formatError }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}
