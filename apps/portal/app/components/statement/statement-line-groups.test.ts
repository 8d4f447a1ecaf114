import { describe, expect, it } from "vitest";
import { lineGroups } from "./statement-line-groups";

const lines = (accountId: string, count: number) => Array.from({ length: count }, () => ({ accountId }));

describe("lineGroups", () => {
  const accounts = [
    { id: "a", lineCount: 3 },
    { id: "b", lineCount: 0 },
    { id: "c", lineCount: 2 },
  ];

  it("opens and closes every account whose lines are all on the page", () => {
    const groups = lineGroups(accounts, [...lines("a", 3), ...lines("c", 2)], {
      page: 1,
      pageSize: 10,
      consolidated: false,
    });
    expect(groups.map((g) => [g.account.id, g.lines.length, g.empty, g.startsHere, g.endsHere])).toEqual([
      ["a", 3, false, true, true],
      ["b", 0, true, true, true],
      ["c", 2, false, true, true],
    ]);
  });

  it("carries an account over a page break: closed on the next page, brought forward there", () => {
    const first = lineGroups(accounts, [...lines("a", 3), ...lines("c", 1)], {
      page: 1,
      pageSize: 4,
      consolidated: false,
    });
    expect(first.find((g) => g.account.id === "c")).toMatchObject({ startsHere: true, endsHere: false });
    const second = lineGroups(accounts, lines("c", 1), { page: 2, pageSize: 4, consolidated: false });
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ startsHere: false, endsHere: true });
  });

  it("leaves out accounts without lines when consolidated or past the first page", () => {
    const rows = [...lines("a", 3), ...lines("c", 2)];
    const consolidated = lineGroups(accounts, rows, { page: 1, pageSize: 10, consolidated: true });
    expect(consolidated.map((g) => g.account.id)).toEqual(["a", "c"]);
    expect(lineGroups(accounts, [], { page: 2, pageSize: 10, consolidated: false })).toEqual([]);
  });
});
