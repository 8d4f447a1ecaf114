import { describe, expect, it } from "vitest";
import type { StaffRole } from "../actor.ts";
import { STAFF_PAGES, staffWorkspace } from "./staff-workspace.ts";

const staff = (...roles: StaffRole[]) => staffWorkspace({ kind: "staff", userId: "u", roles });
const offered = (...roles: StaffRole[]) => STAFF_PAGES.filter((page) => staff(...roles).pages[page]);

describe("staff workspace", () => {
  it("offers each role the pages it can use, settings only to those who may change them", () => {
    const reading = ["overview", "customers", "cardPayments", "disputes", "disputeReport"];
    for (const role of ["COLLECTOR", "CASH_APPLIER", "CREDIT_MANAGER", "DISPUTE_ANALYST"] as const) {
      expect([role, offered(role)]).toEqual([role, reading]);
    }
    expect(offered("AR_MANAGER")).toEqual([...STAFF_PAGES]);
    expect(offered("ADMIN")).toEqual([...STAFF_PAGES]);
    // Roles add up.
    expect(offered("COLLECTOR", "AR_MANAGER")).toEqual([...STAFF_PAGES]);
  });

  it("starts each role's day on its work: approvals for managers, disputes for analysts", () => {
    expect(staff("AR_MANAGER").landing).toBe("approvals");
    expect(staff("DISPUTE_ANALYST").landing).toBe("disputes");
    expect(staff("COLLECTOR", "DISPUTE_ANALYST").landing).toBe("disputes");
    expect(staff("DISPUTE_ANALYST", "AR_MANAGER").landing).toBe("approvals");
    for (const role of ["COLLECTOR", "CASH_APPLIER", "CREDIT_MANAGER", "ADMIN"] as const) {
      expect([role, staff(role).landing]).toEqual([role, "overview"]);
    }
    expect(staff().landing).toBe("overview");
  });

  it("offers a portal user none of them", () => {
    const portal = staffWorkspace({ kind: "portal", userId: "p", memberships: [] });
    expect(Object.values(portal.pages).some(Boolean)).toBe(false);
  });
});
