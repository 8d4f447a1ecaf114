// Words the back office shows for the disputes domain's codes (UI copy, kept out of the domain).
import type {
  DisputeChannel,
  DisputeReason,
  DisputeRootCause,
  DisputeScope,
  DisputeStatus,
} from "@settle/domain/disputes/dispute-forms";
import type { DisputeReportGroup } from "@settle/domain/disputes/dispute-report";
import type { Tone } from "@settle/ui/badge";

export const DISPUTE_STATUS: Record<DisputeStatus, { label: string; tone: Tone }> = {
  OPEN: { label: "New", tone: "warning" },
  UNDER_REVIEW: { label: "Under review", tone: "info" },
  PENDING_APPROVAL: { label: "Waiting for approval", tone: "brand" },
  RESOLVED_VALID: { label: "Resolved: valid", tone: "success" },
  RESOLVED_PARTIAL: { label: "Resolved: partly valid", tone: "success" },
  RESOLVED_INVALID: { label: "Resolved: invalid", tone: "neutral" },
  WITHDRAWN: { label: "Withdrawn", tone: "neutral" },
};

/** The status in the words the portal shows the customer (approval is internal: "under review"). */
export const CUSTOMER_STATUS: Record<Exclude<DisputeStatus, "PENDING_APPROVAL">, string> = {
  OPEN: "Received",
  UNDER_REVIEW: "Under review",
  RESOLVED_VALID: "Accepted",
  RESOLVED_PARTIAL: "Partly accepted",
  RESOLVED_INVALID: "Not accepted",
  WITHDRAWN: "Withdrawn",
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

export const DISPUTE_ROOT_CAUSE: Record<DisputeRootCause, string> = {
  PRICING_ERROR: "Pricing error",
  ORDER_ENTRY_ERROR: "Order entry error",
  SHIPPING_ERROR: "Shipping error",
  PRODUCT_QUALITY: "Product quality",
  BILLING_ERROR: "Billing error",
  TAX_SETUP: "Tax setup",
  CUSTOMER_ERROR: "Customer error",
  SERVICE_FAILURE: "Service failure",
  OTHER: "Other",
};

export const DISPUTE_CHANNEL: Record<DisputeChannel, string> = {
  PORTAL: "Portal",
  PHONE: "Phone",
  EMAIL: "E-mail",
  CASH_APPLICATION: "Cash application (short payment)",
};

export const DISPUTE_SCOPE: Record<DisputeScope, string> = {
  WHOLE: "Whole invoice",
  LINES: "Invoice lines",
  AMOUNT: "An amount",
};

/** "Overdue by 3 business days" for the queue and the detail page. */
export function overdueText(days: number): string {
  if (days <= 0) return "Past the deadline";
  return `Overdue by ${days} business ${days === 1 ? "day" : "days"}`;
}

/** A dispute's history entry ("dispute.reassign") in words. */
export const DISPUTE_ACTIONS: Record<string, string> = {
  "dispute.raise": "Dispute raised",
  "dispute.message": "Message to the customer",
  "dispute.note": "Internal note",
  "dispute.attach": "Documents added",
  "dispute.review": "Review started",
  "dispute.reassign": "Reassigned",
  "dispute.propose": "Resolution proposed for approval",
  "dispute.approve": "Resolution approved",
  "dispute.reject-resolution": "Resolution sent back",
  "dispute.resolve": "Resolved",
  "dispute.withdraw": "Withdrawn",
  "dispute.escalate": "Escalated: past the deadline",
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
