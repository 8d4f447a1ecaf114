import { parseWithZod } from "@conform-to/zod/v4";
import {
  chosenLines,
  PortalDisputeFormSchema,
  PortalRaiseDisputeFormSchema,
} from "@settle/domain/disputes/portal-dispute-forms";
import { describe, expect, it } from "vitest";

function form(entries: [string, string | File][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

const raise: [string, string][] = [
  ["idempotencyKey", "portal-dispute-1234"],
  ["reason", "PRICING"],
  ["description", "Above the contract price."],
];

describe("PortalRaiseDisputeFormSchema", () => {
  it("takes the ticked lines with the amounts typed beside them", () => {
    const submission = parseWithZod(
      form([
        ...raise,
        ["scope", "LINES"],
        ["line", "1"],
        ["line", "3"],
        ["lineAmount[3]", "12.50"],
        ["lineAmount[2]", "9"],
      ]),
      { schema: PortalRaiseDisputeFormSchema },
    );
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(chosenLines(submission.value)).toEqual([{ lineNo: 1 }, { lineNo: 3, amount: "12.50" }]);
    expect(submission.value.files).toEqual([]);
  });

  it("asks for a line, an amount, a reason and a description where the scope needs them", () => {
    const lines = parseWithZod(form([...raise, ["scope", "LINES"]]), {
      schema: PortalRaiseDisputeFormSchema,
    });
    expect(lines.reply().error).toEqual({ line: ["Choose at least one line."] });
    const amount = parseWithZod(form([...raise, ["scope", "AMOUNT"]]), {
      schema: PortalRaiseDisputeFormSchema,
    });
    expect(amount.reply().error).toEqual({ amount: ["Enter the disputed amount."] });
    const bare = parseWithZod(
      form([
        ["idempotencyKey", "portal-dispute-1234"],
        ["scope", "WHOLE"],
      ]),
      {
        schema: PortalRaiseDisputeFormSchema,
      },
    );
    expect(Object.keys(bare.reply().error ?? {}).sort()).toEqual(["description", "reason"]);
  });
});

describe("PortalDisputeFormSchema", () => {
  it("refuses an unknown intent and an empty upload", () => {
    expect(
      parseWithZod(form([["intent", "delete"]]), { schema: PortalDisputeFormSchema }).reply().error,
    ).toHaveProperty("intent");
    const empty = parseWithZod(
      form([
        ["intent", "attach"],
        ["files", new File([], "")],
      ]),
      {
        schema: PortalDisputeFormSchema,
      },
    );
    expect(empty.reply().error).toEqual({ files: ["Choose a file."] });
  });
});
