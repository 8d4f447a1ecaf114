import type { listOutbox } from "@settle/domain/email/list-outbox";
import { Badge } from "@settle/ui/badge";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { TextField } from "@settle/ui/fields";
import { Form, Link, useLocation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { OUTBOX_STATUS_TONES } from "../../labels.ts";
import { ListPagination } from "../list-pagination.tsx";

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
  const { t } = useTranslation("dev-mailbox");
  const location = useLocation();
  const pageCount = Math.max(1, Math.ceil(outbox.total / outbox.pageSize));
  const hrefFor = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set("email", id);
    return `?${params.toString()}`;
  };
  return (
    <Card flush className="xl:col-span-2" title={t("list.messages", { count: outbox.total })}>
      <Form
        method="get"
        role="search"
        aria-label={t("list.landmark")}
        className="flex items-end gap-2 border-b border-line px-5 py-3"
      >
        <TextField
          label={t("list.recipient")}
          name="to"
          type="search"
          defaultValue={search}
          key={search}
          className="flex-1"
          hideLabel
          placeholder={t("list.recipientPlaceholder")}
        />
        <Button type="submit" variant="secondary">
          {t("list.filter")}
        </Button>
      </Form>
      {outbox.items.length ? (
        <ul aria-label={t("list.landmark")} className="divide-y divide-line">
          {outbox.items.map((m) => {
            const tone = OUTBOX_STATUS_TONES[m.status];
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
                    {tone ? <Badge tone={tone}>{t(`labels:outbox.${m.status}`)}</Badge> : null}
                  </div>
                  <div className="mt-0.5 flex items-center justify-between gap-3 text-xs text-ink-faint">
                    <span className="truncate">{t("list.to", { to: m.to })}</span>
                    <DateText value={m.createdAt} mode="datetime" className="shrink-0" />
                  </div>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState
          title={search ? t("list.noMatch", { search }) : t("list.emptyTitle")}
          description={search ? undefined : t("list.emptyDescription")}
          icon="inbox"
          action={
            search ? (
              <LinkButton to="/dev/mailbox" variant="secondary">
                {t("list.showAll")}
              </LinkButton>
            ) : undefined
          }
        />
      )}
      {outbox.total > outbox.pageSize ? (
        <ListPagination
          page={outbox.page}
          pageCount={pageCount}
          total={outbox.total}
          pageSize={outbox.pageSize}
          rows={t("list.rows")}
        />
      ) : null}
    </Card>
  );
}
