import { portalCapabilities } from "@settle/domain/portal-access/capabilities";
import { Outlet, useParams } from "react-router";
import { PortalHeader } from "~/components/portal-header";
import { PageError } from "~/components/route-error";
import { SkipLink } from "~/components/skip-link";
import { useTranslation } from "~/i18n/use-translation";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/signed-in-layout";

/** Every signed-in page: requires a portal session and shows the header with the account switcher. */
export async function loader({ request }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  return {
    user: { name: session.user.name, email: session.user.email },
    // What the user may do on each account, so pages show only the controls that will work.
    accounts: session.memberships.map((m) => ({ ...m, ...portalCapabilities(session.actor, m.customerId) })),
    activeCustomerId: session.activeCustomerId,
  };
}

export default function SignedInLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("common");
  const params = useParams();
  const { user, accounts, activeCustomerId } = loaderData;
  const fromUrl = accounts.find((a) => a.customerId === params.customerId?.toLowerCase())?.customerId;
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <PortalHeader user={user} accounts={accounts} currentCustomerId={fromUrl ?? activeCustomerId} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6"
      >
        <Outlet />
      </main>
      <footer className="border-t border-line">
        <div className="mx-auto max-w-6xl px-4 py-6 text-xs text-ink-muted sm:px-6">{t("footer.help")}</div>
      </footer>
    </div>
  );
}

/** The layout itself failed (its header has no data): a full error page. */
export function ErrorBoundary() {
  return <PageError />;
}
