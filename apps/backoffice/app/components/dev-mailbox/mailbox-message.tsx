import { Alert } from "@settle/ui/alert";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { OUTBOX_STATUS } from "../../labels.ts";
import type { Outbox } from "./mailbox-list.tsx";

/** One message as it was (or would be) sent: its text part verbatim, its attachments. */
export function MailboxMessage({
  selected,
  selectedId,
}: {
  selected: Outbox["items"][number] | null;
  selectedId: string | null;
}) {
  return (
    <>
      {selected ? (
        <Card title={selected.subject} id="message">
          <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-ink-faint">To</dt>
            <dd className="text-ink">{selected.to}</dd>
            <dt className="text-ink-faint">Queued</dt>
            <dd className="text-ink">
              <DateText value={selected.createdAt} mode="datetime" />
            </dd>
            <dt className="text-ink-faint">Status</dt>
            <dd className="text-ink">
              {OUTBOX_STATUS[selected.status]?.label ?? selected.status}
              {selected.sentAt ? (
                <>
                  {" "}
                  · <DateText value={selected.sentAt} mode="datetime" />
                </>
              ) : null}
              {selected.attempts
                ? ` · ${selected.attempts} ${selected.attempts === 1 ? "attempt" : "attempts"}`
                : null}
            </dd>
            <dt className="text-ink-faint">Category</dt>
            <dd className="font-mono text-xs text-ink">{selected.category}</dd>
            {selected.attachments.length > 0 ? (
              <>
                <dt className="text-ink-faint">Attachments</dt>
                <dd className="text-ink">
                  <ul className="space-y-1">
                    {selected.attachments.map((a, index) => (
                      <li key={`${a.kind}-${a.id}`}>
                        <a
                          href={`/dev/mailbox/${selected.id}/attachments/${index}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {a.filename}
                        </a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
          {selected.lastError ? (
            <Alert tone="danger" title="Last delivery error" className="mb-4">
              {selected.lastError}
            </Alert>
          ) : null}
          <h3 className="sr-only">Message text</h3>
          {/* The text part, shown verbatim; the HTML part is never rendered here. */}
          <pre className="max-h-[32rem] overflow-auto rounded-lg bg-slate-50 p-4 font-mono text-[13px] leading-6 whitespace-pre-wrap wrap-anywhere text-ink ring-1 ring-line ring-inset">
            {selected.text}
          </pre>
        </Card>
      ) : (
        <Card>
          <EmptyState
            title={selectedId ? "That message is not on this page" : "Select a message"}
            description={selectedId ? "It may be on another page or filtered out." : "Its text appears here."}
            icon="mail"
          />
        </Card>
      )}
    </>
  );
}
