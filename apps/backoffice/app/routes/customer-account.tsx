import { getCustomerAccount } from "@settle/domain/customers/get-customer-account";
import { listOpenAccountFlags } from "@settle/domain/customers/list-account-flags";
import { listPaymentPlans } from "@settle/domain/plans/list-payment-plans";
import { listPlanRequests } from "@settle/domain/plans/plan-requests";
import { invitePortalUser } from "@settle/domain/portal-access/invite-portal-user";
import { listPortalUsers } from "@settle/domain/portal-access/list-portal-users";
import { StaffPortalAccessFormSchema } from "@settle/domain/portal-access/portal-access-forms";
import { removePortalUser } from "@settle/domain/portal-access/remove-portal-user";
import { revokeInvitation } from "@settle/domain/portal-access/revoke-invitation";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { pageUrl } from "@settle/web/request.server";
import { AccountActivityCard } from "../components/customers/account-activity.tsx";
import { AccountFlagsPanel } from "../components/customers/account-flags-panel.tsx";
import {
  AccountBalances,
  AccountDetailsCard,
  AccountHeader,
  ContactsCard,
} from "../components/customers/account-summary.tsx";
import { OpenItemsCard } from "../components/customers/open-items.tsx";
import { PaymentPlansCard } from "../components/customers/payment-plans-card.tsx";
import { PortalAccessPanel, portalAccessIssueWords } from "../components/customers/portal-access-panel.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { env } from "../env.server.ts";
import { serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/customer-account";

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
  pageMeta(matches, (t) =>
    loaderData
      ? t("customer-account:title", {
          name: loaderData.customer.name,
          accountNumber: loaderData.customer.accountNumber,
        })
      : t("customer-account:fallbackTitle"),
  );

export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const search = pageUrl(request).searchParams;
  const page = search.get("page") ?? undefined;
  const [account, portalAccess, flags, plans, planRequests] = await Promise.all([
    load(() => getCustomerAccount({ customerId: params.customerId, page }, staff.actor)),
    load(() => listPortalUsers({ customerId: params.customerId }, staff.actor)),
    load(() => listOpenAccountFlags(params.customerId, staff.actor)),
    load(() => listPaymentPlans(params.customerId, staff.actor)),
    load(() => listPlanRequests(params.customerId, staff.actor)),
  ]);
  // The plan just offered (the propose page's redirect), for its toast.
  const proposed = search.get("proposed");
  return { ...account, portalAccess, flags, plans, planRequests, proposed };
}

/** Portal access: invite, withdraw an invitation, remove a user (each checks the staff role itself). */
export async function action({ request, params }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const { customerId } = params;
  const t = await serverT(request, "customer-account");
  return submitForm(
    form,
    StaffPortalAccessFormSchema,
    async (input) => {
      if (input.intent === "portal-invite") {
        const { intent: _intent, ...invite } = input;
        const sent = await invitePortalUser({ customerId, ...invite }, staff.actor, {
          portalUrl: env.portalUrl,
        });
        return t(sent.replacedEarlier ? "portal.sentAgain" : "portal.sent", { email: sent.email });
      }
      if (input.intent === "portal-revoke") {
        const { email } = await revokeInvitation(
          { customerId, invitationId: input.invitationId },
          staff.actor,
        );
        return t("portal.withdrawn", { email });
      }
      await removePortalUser({ customerId, portalUserId: input.portalUserId }, staff.actor);
      return t("portal.removed");
    },
    {
      words: refusalWordsIn(t),
      formatError: portalAccessIssueWords(t),
      done: (message) => ({ message }),
    },
  );
}

export default function CustomerAccount({ loaderData, actionData }: Route.ComponentProps) {
  const {
    customer,
    contacts,
    balances,
    openItems,
    openPlans,
    activity,
    portalAccess,
    flags,
    plans,
    planRequests,
    proposed,
  } = loaderData;
  return (
    <>
      <AccountHeader customer={customer} />
      <AccountFlagsPanel flags={flags} className="mb-6" />
      <AccountBalances
        customer={customer}
        balances={balances}
        openItemCount={openItems.total}
        className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4"
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <AccountDetailsCard customer={customer} className="lg:col-span-2" />
        <ContactsCard contacts={contacts} />
        <OpenItemsCard customerId={customer.id} openItems={openItems} className="lg:col-span-3" />
        <PaymentPlansCard
          customerId={customer.id}
          plans={plans.plans}
          requests={planRequests}
          progress={openPlans}
          canPropose={plans.can.propose}
          proposed={proposed}
          className="lg:col-span-3"
        />
        <PortalAccessPanel
          access={portalAccess}
          lastResult={actionData?.reply}
          done={actionData?.done}
          className="lg:col-span-3"
        />
        <AccountActivityCard activity={activity} className="lg:col-span-3" />
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
