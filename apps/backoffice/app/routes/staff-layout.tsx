import { countApprovals } from "@settle/domain/approvals/count-approvals";
import { type StaffPage, staffWorkspace } from "@settle/domain/auth/staff-workspace";
import { AppShell, type NavItem } from "@settle/ui/app-shell";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { Icon } from "@settle/ui/icon";
import { pageUrl } from "@settle/web/request.server";
import { data, Form, Link, Outlet } from "react-router";
import { ErrorPage } from "../components/error-page.tsx";
import { env } from "../env.server.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import { STAFF_PAGE_PATHS } from "../staff-pages.ts";
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
    // The pages this reader's roles can use: the navigation offers only those.
    pages: staffWorkspace(staff.actor).pages,
    // What waits for this reader's approval (null: their roles approve nothing).
    approvals: await countApprovals(staff.actor),
  };
}

export default function StaffLayout({ loaderData }: Route.ComponentProps) {
  const { user, devTools, approvals, pages } = loaderData;
  const csrf = useCsrfToken();
  const { t } = useTranslation("common");
  const path = STAFF_PAGE_PATHS;
  // Every page this reader's roles can use, and no other.
  const offered = (items: (NavItem & { page: StaffPage })[]): NavItem[] =>
    items.filter((item) => pages[item.page]).map(({ page: _page, ...item }) => item);
  const nav = offered([
    { page: "overview", to: path.overview, label: t("nav.overview"), icon: "home", end: true },
    { page: "customers", to: path.customers, label: t("nav.customers"), icon: "building" },
    {
      page: "approvals",
      to: path.approvals,
      label: t("nav.approvals"),
      icon: "check",
      badge: { count: approvals ?? 0, label: t("nav.approvalsWaiting", { count: approvals ?? 0 }) },
    },
    { page: "cardPayments", to: path.cardPayments, label: t("nav.cardPayments"), icon: "card" },
    { page: "disputes", to: path.disputes, label: t("nav.disputes"), icon: "flag" },
    { page: "disputeReport", to: path.disputeReport, label: t("nav.disputeReport"), icon: "chart" },
  ]);
  const settings = offered([
    { page: "refundSettings", to: path.refundSettings, label: t("nav.refundApproval"), icon: "card" },
    { page: "disputeMatrix", to: path.disputeMatrix, label: t("nav.disputeMatrix"), icon: "sliders" },
    { page: "planPolicy", to: path.planPolicy, label: t("nav.planPolicy"), icon: "sliders" },
  ]);
  const secondary: NavItem[] = [
    ...settings,
    { to: "/account/sessions", label: t("nav.sessions"), icon: "device" },
    ...(devTools
      ? [{ to: "/dev/mailbox", label: t("nav.devMailbox"), icon: "inbox" } satisfies NavItem]
      : []),
  ];
  const role = user.roles.includes("ADMIN") ? "ADMIN" : user.roles[0];
  return (
    <AppShell
      product={t("product")}
      nav={nav}
      secondaryNav={secondary}
      words={{
        skipToMain: t("shell.skipToMain"),
        main: t("shell.main"),
        sections: t("shell.sections"),
        more: t("shell.more"),
      }}
      userArea={
        <>
          <Link
            to="/account"
            title={t("header.account")}
            className="hidden rounded-lg text-end hover:bg-slate-50 sm:block"
          >
            <p className="text-sm font-medium text-ink">{user.name}</p>
            <p className="text-xs text-ink-faint">{user.email}</p>
            <span className="sr-only">{t("header.account")}</span>
          </Link>
          {role ? (
            <Badge tone="brand" className="hidden md:inline-flex">
              {t(`labels:staffRoles.${role}`, { defaultValue: role })}
            </Badge>
          ) : null}
          <Form method="post" action="/logout">
            <CsrfInput token={csrf} />
            <Button type="submit" variant="ghost" size="sm">
              <Icon name="logout" className="size-4" />
              {t("header.signOut")}
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
