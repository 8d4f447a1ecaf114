// Words the back office shows for the disputes domain's codes (UI copy, kept out of the domain).
import type { DisputeReason, DisputeStatus } from "@settle/domain/disputes/dispute-forms";
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

export const DISPUTE_REASON: Record<DisputeReason, string> = {
  PRICING: "Pricing",
  QUANTITY_SHORT_SHIPMENT: "Quantity / short shipment",
  DAMAGED_GOODS: "Damaged goods",
  LOST_FREIGHT: "Lost freight",
  DUPLICATE_BILLING: "Duplicate billing",
  TAX: "Tax",
  MISSING_PO_REFERENCE: "Missing PO reference",
  SERVICE_NOT_RENDERED: "Service not rendered",
  ALREADY_PAID: "Already paid",
  OTHER: "Other",
};

/** The report's groupings, as the root-cause report takes them (kept here: pages must not import database code). */
export const REPORT_GROUPS = [
  "reason",
  "department",
  "customer",
  "legalEntity",
] as const satisfies readonly DisputeReportGroup[];

export const REPORT_GROUP_LABELS: Record<DisputeReportGroup, string> = {
  reason: "Reason",
  department: "Department",
  customer: "Customer",
  legalEntity: "Legal entity",
};
