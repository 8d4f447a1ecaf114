/**
 * Pagination for documents drawn top to bottom. Every block knows its height before it is drawn,
 * so the whole document is laid out once to count the pages ("Page 3 of 41" on page 3 without
 * keeping pages in memory) and again to draw, page by page, each page flushed to the output
 * stream as soon as the next one starts. Blocks come from a source called once per pass, so a
 * long document need not hold all of its blocks at once either.
 */

export interface FlowBlock {
  height: number;
  /** Space above the block, dropped when the block opens a page. */
  gapBefore?: number;
  /** Do not end a page with this block (headings, a table's column header). */
  keepWithNext?: boolean;
  /** Drawn again at the top of any page this block opens: the column header of its table. */
  header?: FlowBlock;
  draw(y: number): void;
}

export interface PageFrame {
  /** Top of the content area on page 1 and on the following pages (which carry a running header). */
  firstTop: number;
  top: number;
  bottom: number;
}

export interface Placement {
  page: number;
  y: number;
  block: FlowBlock;
}

/** The document's blocks in order; called once per pass, so they can be made as they are needed. */
export type BlockSource = () => Iterable<FlowBlock>;

export function* placeBlocks(blocks: Iterable<FlowBlock>, frame: PageFrame): Generator<Placement> {
  const iterator = blocks[Symbol.iterator]();
  // The blocks not yet placed that were read to look ahead (a heading kept with what follows).
  const ahead: FlowBlock[] = [];
  const peek = (k: number): FlowBlock | undefined => {
    while (ahead.length <= k) {
      const next = iterator.next();
      if (next.done) return undefined;
      ahead.push(next.value);
    }
    return ahead[k];
  };
  let page = 0;
  let y = frame.firstTop;
  let pageEmpty = true;
  for (let block = peek(0); block; block = peek(0)) {
    let need = (pageEmpty ? 0 : (block.gapBefore ?? 0)) + block.height;
    for (let j = 0; peek(j)?.keepWithNext; j++) {
      const next = peek(j + 1);
      if (!next) break;
      need += (next.gapBefore ?? 0) + next.height;
    }
    if (!pageEmpty && y + need > frame.bottom) {
      page++;
      y = frame.top;
      pageEmpty = true;
      if (block.header && block.header !== block) {
        yield { page, y, block: block.header };
        y += block.header.height;
        pageEmpty = false;
      }
    }
    if (!pageEmpty) y += block.gapBefore ?? 0;
    yield { page, y, block };
    y += block.height;
    pageEmpty = false;
    ahead.shift();
  }
}

/** `onPageBreak` runs as the count moves to the next page (to drop what was kept for one page). */
export function countPages(blocks: BlockSource, frame: PageFrame, onPageBreak?: () => void): number {
  let pages = 1;
  for (const placement of placeBlocks(blocks(), frame)) {
    if (placement.page + 1 > pages) onPageBreak?.();
    pages = placement.page + 1;
  }
  return pages;
}

/**
 * Draws the blocks; `startPage` adds each page (and draws its running header and footer) and may
 * wait for the output stream to catch up. `onCountedPage` runs at each page break of the counting
 * pass, where no page is added: measuring text fills the same caches drawing does.
 */
export async function drawFlow(
  blocks: BlockSource,
  frame: PageFrame,
  startPage: (index: number, count: number) => Promise<void>,
  options: { onCountedPage?: () => void } = {},
): Promise<void> {
  const count = countPages(blocks, frame, options.onCountedPage);
  let current = -1;
  for (const placement of placeBlocks(blocks(), frame)) {
    while (current < placement.page) {
      current++;
      await startPage(current, count);
    }
    placement.block.draw(placement.y);
  }
  while (current < count - 1) {
    current++;
    await startPage(current, count);
  }
}
