import { listOutbox } from "@settle/domain/email/list-outbox";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { TextField } from "@settle/ui/fields";
import { PageHeader } from "@settle/ui/page-header";
import { Pagination } from "@settle/ui/pagination";
import { load } from "@settle/web/domain-errors.server";
import { pageUrl } from "@settle/web/request.server";
import { data, Form, Link, useLocation } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { env } from "../env.server.ts";
import { OUTBOX_STATUS } from "../labels.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dev-mailbox";

export const meta: Route.MetaFunction = () => [{ title: "Dev mailbox · Settle back office" }];

/**
 * What the system sent (or would send without SMTP), for development and demos only: in
 * production this page does not exist.
 */
export async function loader({ request }: Route.LoaderArgs) {
  if (env.isProduction) throw data({ message: "Not found" }, { status: 404 });
  const staff = await requireStaff(request);
  const params = pageUrl(request).searchParams;
  const outbox = await load(() =>
    listOutbox({ page: params.get("page") ?? undefined, search: params.get("to") || undefined }, staff.actor),
  );
  const selectedId = params.get("email");
  return {
    outbox,
    search: params.get("to") ?? "",
    selectedId,
    selected: selectedId ? (outbox.items.find((e) => e.id === selectedId) ?? null) : null,
  };
}

export default function DevMailbox({ loaderData }: Route.ComponentProps) {
  const { outbox, search, selected, selectedId } = loaderData;
  const location = useLocation();
  const pageCount = Math.max(1, Math.ceil(outbox.total / outbox.pageSize));
  const hrefFor = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set("email", id);
    return `?${params.toString()}`;
  };
  return (
    <>
      <PageHeader
        title="Dev mailbox"
        description="E-mails in the outbox, newest first. Outside production nothing leaves without SMTP settings; read them here."
        meta={<Badge tone="warning">Development only</Badge>}
      />
      <div className="grid gap-6 xl:grid-cols-5">
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

        <div className="xl:col-span-3">
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
                description={
                  selectedId ? "It may be on another page or filtered out." : "Its text appears here."
                }
                icon="mail"
              />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
