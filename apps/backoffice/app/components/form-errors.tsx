import { Alert } from "@settle/ui/alert";
import { useTranslation } from "../i18n/use-translation.ts";

/** What the server refused about a form as a whole (a field's errors stand by the field). */
export function FormErrors({ errors, id, title }: { errors?: string[]; id?: string; title?: string }) {
  const { t } = useTranslation("common");
  if (!errors?.length) return null;
  return (
    <div id={id}>
      <Alert tone="danger" title={title ?? t("notSaved")}>
        {errors.join(" ")}
      </Alert>
    </div>
  );
}
