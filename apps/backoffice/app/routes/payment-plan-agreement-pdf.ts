import { renderPlanAgreementPdf } from "@settle/documents/pdf/render-plan-agreement-pdf";
import { planAgreementDocument, planAgreementFileName } from "@settle/documents/plan-agreement-document";
import { getPlanAgreement } from "@settle/domain/plans/plan-agreement";
import { load } from "@settle/web/domain-errors.server";
import { streamDownload } from "@settle/web/downloads.server";
import { getLocale } from "../i18n/locale.server.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/payment-plan-agreement-pdf";

/** A payment plan's agreement PDF, the same document the customer downloads, in the staff member's language. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const agreement = await load(() =>
    getPlanAgreement({ customerId: params.customerId, planId: params.planId }, staff.actor),
  );
  const locale = await getLocale(request);
  return streamDownload(planAgreementFileName(agreement.planNumber), "pdf", (out) =>
    renderPlanAgreementPdf(planAgreementDocument(agreement), out, { locale }),
  );
}
