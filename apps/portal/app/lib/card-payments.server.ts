import { isDomainError } from "@settle/domain/errors";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { data } from "react-router";

/**
 * For the pages Stripe sends payers back to: runs the use case, and when card payments are off
 * answers with a 503 page that says so in the payer's language (never a generic error).
 */
export async function loadCardPage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isDomainError(error) && error.details?.reason === "card-payments-off") {
      throw data(
        { message: "Card payments are off.", messageKey: "payments:errors.card-payments-off" },
        { status: 503 },
      );
    }
    throwAsResponse(error);
  }
}
