/**
 * Where each account's lines start and end in the whole statement, and which of its balance rows
 * the current page shows: its opening row where its first line is (or on the first page when it
 * has none), "brought forward" where it continues from an earlier page, its closing row where its
 * last line is. A consolidated statement skips accounts without lines.
 */
export interface LineGroup<Account, Line> {
  account: Account;
  lines: Line[];
  /** No lines at all in the period. */
  empty: boolean;
  /** The account's first line is on this page (or it has none and this page shows it). */
  startsHere: boolean;
  /** The account's last line is on this page. */
  endsHere: boolean;
}

export function lineGroups<
  Account extends { id: string; lineCount: number },
  Line extends { accountId: string },
>(
  accounts: readonly Account[],
  rows: readonly Line[],
  page: { page: number; pageSize: number; consolidated: boolean },
): LineGroup<Account, Line>[] {
  const pageStart = (page.page - 1) * page.pageSize;
  const pageEnd = pageStart + rows.length;
  const groups: LineGroup<Account, Line>[] = [];
  let offset = 0;
  for (const account of accounts) {
    const start = offset;
    offset += account.lineCount;
    const end = offset;
    const lines = rows.filter((r) => r.accountId === account.id);
    const empty = account.lineCount === 0;
    if (!empty && lines.length === 0) continue;
    // An account without lines shows its balance rows on the first page only.
    if (empty && (page.page !== 1 || page.consolidated)) continue;
    groups.push({
      account,
      lines,
      empty,
      startsHere: start >= pageStart && start < Math.max(pageEnd, pageStart + 1),
      endsHere: end > pageStart && end <= pageEnd,
    });
  }
  return groups;
}
