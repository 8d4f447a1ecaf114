import { Alert } from "@settle/ui/alert";

/** What the server refused about a form as a whole (a field's errors stand by the field). */
export function FormErrors({
  errors,
  id,
  title = "Not saved",
}: {
  errors?: string[];
  id?: string;
  title?: string;
}) {
  if (!errors?.length) return null;
  return (
    <div id={id}>
      <Alert tone="danger" title={title}>
        {errors.join(" ")}
      </Alert>
    </div>
  );
}
