import type { listOutbox } from "@settle/domain/email/list-outbox";
import { Badge } from "@settle/ui/badge";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { TextField } from "@settle/ui/fields";
import { Pagination } from "@settle/ui/pagination";
import { Form, Link, useLocation } from "react-router";
import { OUTBOX_STATUS } from "../../labels.ts";

export type Outbox = Awaited<ReturnType<typeof listOutbox>>;

/** The outbox, newest first, filtered by recipient, a page at a time; a message opens beside it. */
export function MailboxList({
  outbox,
  search,
  selectedId,
}: {
  outbox: Outbox;
  search: string;
  selectedId: string | null;
}) {
  const location = useLocation();
  const pageCount = Math.max(1, Math.ceil(outbox.total / outbox.pageSize));
  const hrefFor = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set("email", id);
    return `?${params.toString()}`;
  };
  return (
    <Card
      flush
      className="xl:col-span-2"
      title={`${outbox.total} ${outbox.total === 1 ? "message" : "messages"}`}
    >
      <Form
        method="get"
        role="search"
        aria-label="Messages"
        className="flex items-end gap-2 border-b border-line px-5 py-3"
      >
        <TextField
          label="Recipient contains"
          name="to"
          type="search"
          defaultValue={search}
          key={search}
          className="flex-1"
          hideLabel
          placeholder="Filter by recipient"
        />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </Form>
      {outbox.items.length ? (
        <ul aria-label="Messages" className="divide-y divide-line">
          {outbox.items.map((m) => {
            const status = OUTBOX_STATUS[m.status];
            const current = m.id === selectedId;
            return (
              <li key={m.id}>
                <Link
                  to={hrefFor(m.id)}
                  aria-current={current ? "true" : undefined}
                  className={`block px-5 py-3 hover:bg-slate-50 ${current ? "bg-brand-50/60" : ""}`}
                >
                  <div className="flex items-center justify-between gap-3">
                    <p className="truncate text-sm font-medium text-ink">{m.subject}</p>
                    {status ? <Badge tone={status.tone}>{status.label}</Badge> : null}
                  </div>
                  <div className="mt-0.5 flex items-center justify-between gap-3 text-xs text-ink-faint">
                    <span className="truncate">To {m.to}</span>
                    <DateText value={m.createdAt} mode="datetime" className="shrink-0" />
                  </div>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState
          title={search ? `No messages to addresses containing “${search}”` : "The outbox is empty"}
          description={search ? undefined : "Messages appear here as soon as Settle queues them."}
          icon="inbox"
          action={
            search ? (
              <LinkButton to="/dev/mailbox" variant="secondary">
                Show all messages
              </LinkButton>
            ) : undefined
          }
        />
      )}
      {outbox.total > outbox.pageSize ? (
        <div className="border-t border-line">
          <Pagination
            page={outbox.page}
            pageCount={pageCount}
            total={outbox.total}
            pageSize={outbox.pageSize}
            label="messages"
          />
        </div>
      ) : null}
    </Card>
  );
}
