import { isRouteErrorResponse, Outlet, useParams, useRouteError } from "react-router";
import { ErrorPage } from "~/components/error-page";
import { PortalHeader } from "~/components/portal-header";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/signed-in-layout";

/** Every signed-in page: requires a portal session and shows the header with the account switcher. */
export async function loader({ request }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  return {
    user: { name: session.user.name, email: session.user.email },
    accounts: session.memberships,
    activeCustomerId: session.activeCustomerId,
  };
}

export default function SignedInLayout({ loaderData }: Route.ComponentProps) {
  const params = useParams();
  const { user, accounts, activeCustomerId } = loaderData;
  const fromUrl = accounts.find((a) => a.customerId === params.customerId?.toLowerCase())?.customerId;
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        Skip to content
      </a>
      <PortalHeader user={user} accounts={accounts} currentCustomerId={fromUrl ?? activeCustomerId} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        <Outlet />
      </main>
      <footer className="border-t border-line">
        <div className="mx-auto max-w-6xl px-4 py-6 text-xs text-ink-faint sm:px-6">
          Questions about an invoice or a payment? Contact your supplier's accounts receivable team.
        </div>
      </footer>
    </div>
  );
}

/** The layout itself failed (its header has no data): a full error page. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    return (
      <ErrorPage
        status={error.status}
        message={typeof error.data?.message === "string" ? error.data.message : undefined}
      />
    );
  }
  return <ErrorPage status={500} />;
}
