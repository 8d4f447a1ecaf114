/**
 * Pagination for documents drawn top to bottom. Every block knows its height before it is drawn,
 * so the whole document is laid out once to count the pages ("Page 3 of 41" on page 3 without
 * keeping pages in memory) and again to draw, page by page, each page flushed to the output
 * stream as soon as the next one starts.
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

export function* placeBlocks(blocks: readonly FlowBlock[], frame: PageFrame): Generator<Placement> {
  let page = 0;
  let y = frame.firstTop;
  let pageEmpty = true;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as FlowBlock;
    let need = (pageEmpty ? 0 : (block.gapBefore ?? 0)) + block.height;
    for (let j = i; blocks[j]?.keepWithNext && j + 1 < blocks.length; j++) {
      const next = blocks[j + 1] as FlowBlock;
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
  }
}

export function countPages(blocks: readonly FlowBlock[], frame: PageFrame): number {
  let pages = 1;
  for (const placement of placeBlocks(blocks, frame)) pages = placement.page + 1;
  return pages;
}

/**
 * Draws the blocks; `startPage` adds each page (and draws its running header and footer) and may
 * wait for the output stream to catch up.
 */
export async function drawFlow(
  blocks: readonly FlowBlock[],
  frame: PageFrame,
  startPage: (index: number, count: number) => Promise<void>,
): Promise<void> {
  const count = countPages(blocks, frame);
  let current = -1;
  for (const placement of placeBlocks(blocks, frame)) {
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
