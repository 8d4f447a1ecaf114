import { dismissStripeEvent } from "@settle/domain/payments/dismiss-stripe-event";
import { listFailedStripeEvents } from "@settle/domain/payments/list-failed-stripe-events";
import { retryStripeEvent } from "@settle/domain/payments/retry-stripe-event";
import { StripeEventActionSchema } from "@settle/domain/payments/stripe-event-forms";
import { LinkButton } from "@settle/ui/button";
import { PageHeader } from "@settle/ui/page-header";
import { Toast } from "@settle/ui/toast";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { RouteError } from "../components/route-error.tsx";
import { FailedEventTable, SetAsideTable } from "../components/stripe-events/failed-event-tables.tsx";
import { failedEventIssueWords } from "../components/stripe-events/failed-event-words.ts";
import { requireCsrf } from "../csrf.server.ts";
import { serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/failed-stripe-events";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("failed-events:title"));

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  return load(() => listFailedStripeEvents(staff.actor));
}

export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const t = await serverT(request, "failed-events");
  return submitForm(
    form,
    StripeEventActionSchema,
    async (input) =>
      input.intent === "retry"
        ? { intent: input.intent, ...(await retryStripeEvent(input, staff.actor)) }
        : { intent: input.intent, ...(await dismissStripeEvent(input, staff.actor)) },
    {
      words: refusalWordsIn(t),
      formatError: failedEventIssueWords(t),
      done: (did) => ({
        intent: did.intent,
        message: t(did.intent === "retry" ? "retry.done" : "dismiss.done", { id: did.eventId }),
      }),
    },
  );
}

export default function FailedStripeEvents({ loaderData, actionData }: Route.ComponentProps) {
  const { failed, more, setAside, can } = loaderData;
  const { t } = useTranslation("failed-events");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<LinkButton to="/card-payments">{t("back")}</LinkButton>}
      />
      <div className="space-y-6">
        <FailedEventTable events={failed} more={more} canAct={can.act} answer={actionData} />
        <SetAsideTable events={setAside} />
      </div>
      <Toast message={actionData?.done?.message} dismiss={t("common:dismiss")} />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
