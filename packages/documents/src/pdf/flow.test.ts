import { describe, expect, it } from "vitest";
import { countPages, drawFlow, type FlowBlock, placeBlocks } from "./flow.ts";

const frame = { firstTop: 100, top: 50, bottom: 200 };
const drawn: string[] = [];
const block = (name: string, height: number, extra: Partial<FlowBlock> = {}): FlowBlock => ({
  height,
  ...extra,
  draw: (y) => drawn.push(`${name}@${y}`),
});

describe("flow", () => {
  it("places blocks from a generator, repeats a table's header and keeps headings with what follows", () => {
    const header = block("header", 10, { keepWithNext: true });
    function* blocks() {
      yield block("intro", 60);
      yield block("heading", 20, { keepWithNext: true });
      yield header;
      for (let i = 0; i < 8; i++) yield block(`row${i}`, 20, { header });
    }
    const placed = [...placeBlocks(blocks(), frame)].map((p) => `${p.page}:${p.y}`);
    // Page 1: intro (100–160); the heading and column header would fit but not with a row under
    // them, so they open page 2 together; rows continue; page 3 starts with the header again.
    expect(placed).toEqual([
      "0:100",
      "1:50",
      "1:70",
      "1:80",
      "1:100",
      "1:120",
      "1:140",
      "1:160",
      "1:180",
      "2:50",
      "2:60",
      "2:80",
    ]);
  });

  it("counts pages calling back at each page break, and draws every page in order", async () => {
    const blocks = () => Array.from({ length: 12 }, (_, i) => block(`b${i}`, 40));
    let breaks = 0;
    // Two blocks fit under page 1's letterhead, three on each following page.
    expect(countPages(blocks, frame, () => breaks++)).toBe(5);
    expect(breaks).toBe(4);

    drawn.length = 0;
    const pages: string[] = [];
    let counted = 0;
    await drawFlow(
      blocks,
      frame,
      async (index, count) => {
        pages.push(`${index + 1}/${count}`);
      },
      { onCountedPage: () => counted++ },
    );
    expect(pages).toEqual(["1/5", "2/5", "3/5", "4/5", "5/5"]);
    expect(counted).toBe(4);
    expect(drawn).toHaveLength(12);
    expect(drawn[0]).toBe("b0@100");
    expect(drawn[2]).toBe("b2@50");
  });
});
