import { listOutbox } from "@settle/domain/email/list-outbox";
import { Badge } from "@settle/ui/badge";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { pageUrl } from "@settle/web/request.server";
import { data } from "react-router";
import { MailboxList } from "../components/dev-mailbox/mailbox-list.tsx";
import { MailboxMessage } from "../components/dev-mailbox/mailbox-message.tsx";
import { RouteError } from "../components/route-error.tsx";
import { env } from "../env.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dev-mailbox";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("dev-mailbox:title"));

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
  const { t } = useTranslation("dev-mailbox");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={<Badge tone="warning">{t("devOnly")}</Badge>}
      />
      <div className="grid gap-6 xl:grid-cols-5">
        <MailboxList outbox={outbox} search={search} selectedId={selectedId} />
        <div className="xl:col-span-3">
          <MailboxMessage selected={selected} selectedId={selectedId} />
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
