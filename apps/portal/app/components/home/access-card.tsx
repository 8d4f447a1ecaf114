import type { PortalHome } from "@settle/domain/portal/get-portal-home";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useAccountCapabilities } from "~/lib/root-data";

/** The signed-in user's role on the account, what it allows, and the users page for admins. */
export function AccessCard({ home }: { home: PortalHome }) {
  const { t } = useTranslation("home");
  const { canManageUsers } = useAccountCapabilities(home.customer.id);
  return (
    <Card title={t("access.title")} id="access" className="self-start">
      <div className="space-y-2">
        <Badge tone="brand">{t(`common:roles.${home.role}`)}</Badge>
        <p className="text-sm text-ink-muted">{t(`common:roleDescriptions.${home.role}`)}</p>
        {canManageUsers ? (
          <p className="pt-1 text-sm">
            <Link
              to={`/accounts/${home.customer.id}/users`}
              className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              {t("access.manage")}
            </Link>
          </p>
        ) : null}
      </div>
    </Card>
  );
}
