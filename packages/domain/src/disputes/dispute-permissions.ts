import { type Actor, hasStaffRole } from "../actor.ts";
import type { DisputeStatus } from "../db/generated/enums.ts";
import {
  DISPUTE_MANAGER_ROLES,
  DISPUTE_RAISE_ROLES,
  DISPUTE_WORK_ROLES,
  isOpenDisputeStatus,
} from "./dispute-forms.ts";

/**
 * What the actor may do with a dispute as it stands, for the page to offer only that (the
 * commands check it again): write to the thread and add documents, withdraw it, take it up for
 * review, reassign it, resolve it, and approve or send back a proposed credit.
 */
export interface DisputeCan {
  comment: boolean;
  withdraw: boolean;
  review: boolean;
  assign: boolean;
  resolve: boolean;
  /** An approver's role; the use case still refuses the one who proposed the resolution. */
  approve: boolean;
}

export function disputeCan(
  actor: Actor,
  dispute: { status: DisputeStatus; outcome: string | null },
): DisputeCan {
  const open = isOpenDisputeStatus(dispute.status);
  const raise = open && hasStaffRole(actor, DISPUTE_RAISE_ROLES);
  const work = open && hasStaffRole(actor, DISPUTE_WORK_ROLES);
  return {
    comment: raise,
    withdraw: raise,
    review: work && dispute.status === "OPEN",
    assign: work,
    resolve: work && dispute.outcome === null,
    approve: dispute.status === "PENDING_APPROVAL" && hasStaffRole(actor, DISPUTE_MANAGER_ROLES),
  };
}
