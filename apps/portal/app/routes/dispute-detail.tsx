import { addDisputeAttachments } from "@settle/domain/disputes/add-dispute-attachments";
import { addDisputeMessage } from "@settle/domain/disputes/add-dispute-message";
import { getPortalDispute } from "@settle/domain/disputes/get-dispute";
import { PortalDisputeFormSchema } from "@settle/domain/disputes/portal-dispute-forms";
import { withdrawDispute } from "@settle/domain/disputes/withdraw-dispute";
import { Badge } from "@settle/ui/badge";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { uploadedFiles } from "@settle/web/uploads.server";
import { AccountNav } from "~/components/account-nav";
import { DisputeDocuments } from "~/components/disputes/dispute-documents";
import { DisputeHistory } from "~/components/disputes/dispute-history";
import { DisputeNotices } from "~/components/disputes/dispute-notices";
import { DisputeDates, DisputeResolution, DisputeSummary } from "~/components/disputes/dispute-summary";
import { DisputeThread } from "~/components/disputes/dispute-thread";
import { DisputeWithdraw } from "~/components/disputes/dispute-withdraw";
import type { DisputeAnswer } from "~/components/disputes/use-dispute-form";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { getLocale } from "~/i18n/i18n.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { disputeFormWords, onFormFields, refusedUnread, tooLargeRequest } from "~/lib/dispute-forms.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/dispute-detail";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) => t("disputes:label", { label: loaderData?.dispute.label ?? "" }));

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const locale = await getLocale(request);
  const dispute = await load(() =>
    getPortalDispute({ customerId: params.customerId, disputeId: params.disputeId }, session.actor, {
      locale,
    }),
  );
  return { dispute };
}

export async function action({ request, params }: Route.ActionArgs) {
  const session = await requirePortalSession(request);
  const { t, words, formatError } = await disputeFormWords(request);
  if (tooLargeRequest(request)) return refusedUnread(t("disputes:problems.tooLarge"), "files", "attach");
  const formData = await request.formData();
  verifyCsrf(request, formData);
  // The page's account must be the dispute's: another account's dispute is a 404 like any id.
  await load(() =>
    getPortalDispute({ customerId: params.customerId, disputeId: params.disputeId }, session.actor),
  );
  const { disputeId } = params;
  return submitForm(
    formData,
    PortalDisputeFormSchema,
    async (form): Promise<NonNullable<DisputeAnswer["done"]>> => {
      if (form.intent === "reply") {
        await addDisputeMessage({ disputeId, body: form.body }, session.actor);
        return { intent: form.intent, notice: "sent" };
      }
      if (form.intent === "attach") {
        const files = await uploadedFiles(formData, "files");
        const added = await onFormFields(
          (field) => (field === "attachments" ? "files" : field),
          () => addDisputeAttachments({ disputeId, files }, session.actor),
        );
        return { intent: form.intent, notice: "uploaded", count: added.length };
      }
      await withdrawDispute({ disputeId, note: form.note || undefined }, session.actor);
      return { intent: form.intent, notice: "withdrawn" };
    },
    { words, formatError, done: (done) => done },
  );
}

export default function DisputeDetailPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { dispute } = loaderData;
  const { t } = useTranslation("disputes");
  const base = `/accounts/${params.customerId}`;
  const answer: DisputeAnswer | undefined = actionData;

  return (
    <>
      <PageHeader
        back={{ to: `${base}/disputes`, label: t("title") }}
        title={t("label", { label: dispute.label })}
        meta={
          <Badge tone={dispute.canReply ? "warning" : "neutral"}>{t(`statuses.${dispute.status}`)}</Badge>
        }
        description={<DisputeDates dispute={dispute} />}
      />
      <AccountNav customerId={params.customerId} />
      <div className="space-y-6">
        <DisputeNotices deadline={dispute.deadline} answer={answer} />
        <DisputeSummary dispute={dispute} base={base} />
        <DisputeResolution dispute={dispute} />
        <DisputeThread dispute={dispute} answer={answer} />
        <DisputeDocuments dispute={dispute} base={base} answer={answer} />
        <DisputeHistory dispute={dispute} />
        {dispute.canWithdraw ? <DisputeWithdraw answer={answer} /> : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
