import { AppShell, type NavItem } from "@settle/ui/app-shell";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { Icon } from "@settle/ui/icon";
import { pageUrl } from "@settle/web/request.server";
import { data, Form, Outlet } from "react-router";
import { ErrorPage } from "../components/error-page.tsx";
import { env } from "../env.server.ts";
import { ROLE_LABELS } from "../labels.ts";
import { requireStaff } from "../session.server.ts";
import { useCsrfToken } from "../use-csrf-token.ts";
import type { Route } from "./+types/staff-layout";

export async function loader({ request }: Route.LoaderArgs) {
  // Developer pages do not exist in production, for anyone: a 404 before the sign-in redirect.
  if (env.isProduction && pageUrl(request).pathname.startsWith("/dev/")) {
    throw data({ message: "Not found" }, { status: 404 });
  }
  const staff = await requireStaff(request);
  return {
    user: { name: staff.user.name, email: staff.user.email, roles: staff.user.roles },
    devTools: !env.isProduction,
  };
}

const NAV: NavItem[] = [
  { to: "/", label: "Overview", icon: "home", end: true },
  { to: "/customers", label: "Customers", icon: "building" },
  { to: "/card-payments", label: "Card payments", icon: "card" },
  { to: "/disputes", label: "Disputes", icon: "flag" },
  { to: "/reports/disputes", label: "Dispute report", icon: "chart" },
];

export default function StaffLayout({ loaderData }: Route.ComponentProps) {
  const { user, devTools } = loaderData;
  const csrf = useCsrfToken();
  const secondary: NavItem[] = [
    { to: "/settings/refund-approval", label: "Refund approval", icon: "card" },
    { to: "/settings/dispute-matrix", label: "Dispute matrix", icon: "sliders" },
    { to: "/account/sessions", label: "Signed-in devices", icon: "device" },
    ...(devTools ? [{ to: "/dev/mailbox", label: "Dev mailbox", icon: "inbox" } satisfies NavItem] : []),
  ];
  const role = user.roles.includes("ADMIN") ? "ADMIN" : user.roles[0];
  return (
    <AppShell
      product="Back office"
      nav={NAV}
      secondaryNav={secondary}
      userArea={
        <>
          <div className="hidden text-right sm:block">
            <p className="text-sm font-medium text-ink">{user.name}</p>
            <p className="text-xs text-ink-faint">{user.email}</p>
          </div>
          {role ? (
            <Badge tone="brand" className="hidden md:inline-flex">
              {ROLE_LABELS[role] ?? role}
            </Badge>
          ) : null}
          <Form method="post" action="/logout">
            <CsrfInput token={csrf} />
            <Button type="submit" variant="ghost" size="sm">
              <Icon name="logout" className="size-4" />
              Sign out
            </Button>
          </Form>
        </>
      }
    >
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
