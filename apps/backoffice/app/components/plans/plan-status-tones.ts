import type { Tone } from "@settle/ui/badge";

/** The badge tone of each plan status, on the account's plans card and the plan's page. */
export const PLAN_STATUS_TONES: Record<string, Tone> = {
  REQUESTED: "warning",
  OFFERED: "neutral",
  PROPOSED: "info",
  ACCEPTED: "brand",
  ACTIVE: "brand",
  COMPLETED: "success",
  DEFAULTED: "danger",
  CANCELLED: "neutral",
  EXPIRED: "neutral",
  DECLINED: "warning",
  CHANGES_REQUESTED: "warning",
};
