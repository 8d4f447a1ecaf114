import { Alert } from "@settle/ui/alert";
import { Link, useLocation } from "react-router";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "~/i18n/use-translation";

/** A list page asked for beyond its last page (a hand-edited or stale URL): say so, link the last page. */
export function PastTheEnd({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation("invoices");
  const format = useFormat();
  const location = useLocation();
  const search = new URLSearchParams(location.search);
  search.set("page", String(pageCount));
  return (
    <div className="p-5">
      <Alert tone="warning" title={t("table.pastTheEnd", { page: format.number(page) })}>
        {t("table.pastTheEndBody", { count: pageCount })}{" "}
        <Link to={`${location.pathname}?${search.toString()}`} className="font-medium underline">
          {t("table.lastPage")}
        </Link>
      </Alert>
    </div>
  );
}
