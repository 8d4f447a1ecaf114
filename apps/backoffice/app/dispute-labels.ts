// What the back office needs of the disputes domain's codes besides their words (those are the
// catalogue's labels namespace).
import type { DisputeStatus } from "@settle/domain/disputes/dispute-forms";
import type { DisputeReportGroup } from "@settle/domain/disputes/dispute-report";
import type { Tone } from "@settle/ui/badge";

/** A dispute status's badge colour (its words are the catalogue's labels:disputeStatus). */
export const DISPUTE_STATUS_TONE: Record<DisputeStatus, Tone> = {
  OPEN: "warning",
  UNDER_REVIEW: "info",
  PENDING_APPROVAL: "brand",
  RESOLVED_VALID: "success",
  RESOLVED_PARTIAL: "success",
  RESOLVED_INVALID: "neutral",
  WITHDRAWN: "neutral",
};

/** The report's groupings, as the root-cause report takes them (kept here: pages must not import database code); their words are labels:reportGroups. */
export const REPORT_GROUPS = [
  "reason",
  "department",
  "customer",
  "legalEntity",
] as const satisfies readonly DisputeReportGroup[];
