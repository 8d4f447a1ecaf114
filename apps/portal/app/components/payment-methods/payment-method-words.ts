import type { TFunction } from "i18next";
import { useNavigation } from "react-router";
import type { $ZodIssue } from "zod/v4/core";

/** What each field's problem reads as, under payment-methods:errors. */
const FIELD_KEYS: Record<string, string> = {
  code: "wrong-code",
  cardId: "unknown-card",
  currency: "unknown-currency",
  timing: "invalid",
  daysBefore: "invalid",
};

/**
 * The payment methods page's field errors in the visitor's language, from the schema's issues:
 * the action and the page's `useForm` word them alike.
 */
export const paymentMethodFieldWords = (t: TFunction) => (issues: $ZodIssue[]) => {
  const key = FIELD_KEYS[String(issues[0]?.path[0] ?? "")] ?? "failed";
  return [t(`payment-methods:errors.${key}`)];
};

/** A form of the page is being posted. */
export function useBusy() {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formMethod === "POST";
}
