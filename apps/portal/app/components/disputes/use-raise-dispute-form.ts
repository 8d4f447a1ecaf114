import { type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { PortalRaiseDisputeFormSchema } from "@settle/domain/disputes/portal-dispute-forms";
import { useMemo } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { disputeFieldWords } from "./dispute-form-words";

/** What raising a dispute answered when it did not raise one; `heldBy`: the dispute already open. */
export interface RaiseAnswer {
  reply: SubmissionResult<string[]>;
  done: null;
  heldBy?: { id: string; label: string } | null;
}

/** The raise form, validated in the browser with the schema the server uses, worded like it. */
export function useRaiseDisputeForm(answer: RaiseAnswer | undefined) {
  const { t } = useTranslation("disputes");
  const formatError = useMemo(() => disputeFieldWords(t), [t]);
  return useForm({
    id: "raise-dispute",
    lastResult: answer?.reply,
    constraint: getZodConstraint(PortalRaiseDisputeFormSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: PortalRaiseDisputeFormSchema, formatError }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}
