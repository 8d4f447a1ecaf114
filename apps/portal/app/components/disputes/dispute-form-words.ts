import type { Refusal } from "@settle/web/forms.server";
import type { TFunction } from "i18next";
import type { $ZodIssue } from "zod/v4/core";

/** Refusals a dispute command words by its own key under disputes:problems (`details.problem`). */
const KNOWN = new Set(["alreadyDisputed", "aboveOpen", "paid", "tooLarge", "type", "empty", "amountFormat"]);

/**
 * A dispute form's field errors in the page's language, by field (the schema's messages are
 * English): the same words in the browser (`useForm`) and from the server (`submitForm`).
 */
export function disputeFieldWords(t: TFunction) {
  return (issues: $ZodIssue[]): string[] => {
    const issue = issues[0];
    const field = issue?.path[0];
    if (field === "files" || field === "attachments")
      return [
        t(issue?.code === "too_big" ? "disputes:problems.tooManyFiles" : "disputes:detail.chooseFiles"),
      ];
    if (field === "body") return [t("disputes:detail.writeMessage")];
    if (field === "line") return [t("disputes:raise.chooseLines")];
    if (field === "amount") return [t("disputes:raise.enterAmount")];
    if (field === "reason") return [t("disputes:raise.chooseReason")];
    if (field === "description") return [t("disputes:raise.describe")];
    return [t("disputes:problems.invalid")];
  };
}

/**
 * Why a dispute command refused, in the page's language: the command's problem key when it gave
 * one (a file's type, an amount above what is open), else by its code (a closed dispute). `money`
 * formats an amount in minor units in its currency.
 */
export function disputeRefusalWords(
  t: TFunction,
  money: (minor: bigint, currency: string) => string = (minor) => String(minor),
) {
  return (refusal: Refusal): string => {
    if (refusal.reason === "unknown-intent") return t("disputes:problems.failed");
    const { problem, disputeNumber, available, currency, example } = refusal.values;
    const key =
      typeof problem === "string" && KNOWN.has(problem)
        ? problem
        : refusal.code === "INVALID_STATE"
          ? "closed"
          : refusal.code === "VALIDATION"
            ? "invalid"
            : "failed";
    return t(`disputes:problems.${key}`, {
      example: String(example ?? ""),
      label: typeof disputeNumber === "number" ? `D-${disputeNumber}` : "",
      available:
        typeof available === "string" && /^-?\d+$/.test(available)
          ? money(BigInt(available), String(currency ?? ""))
          : "",
    });
  };
}
