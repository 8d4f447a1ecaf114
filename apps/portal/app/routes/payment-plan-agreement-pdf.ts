import { renderPlanAgreementPdf } from "@settle/documents/pdf/render-plan-agreement-pdf";
import { planAgreementDocument, planAgreementFileName } from "@settle/documents/plan-agreement-document";
import { getPlanAgreement } from "@settle/domain/plans/plan-agreement";
import { load } from "@settle/web/domain-errors.server";
import { getLocale } from "~/i18n/i18n.server";
import { streamDownload } from "~/lib/downloads.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/payment-plan-agreement-pdf";

/** A payment plan's agreement PDF in the reader's language; another account's plan is a 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const agreement = await load(() =>
    getPlanAgreement({ customerId: params.customerId, planId: params.planId }, session.actor),
  );
  const locale = await getLocale(request);
  return streamDownload(planAgreementFileName(agreement.planNumber), "pdf", (out) =>
    renderPlanAgreementPdf(planAgreementDocument(agreement), out, { locale }),
  );
}
