import { Alert } from "@settle/ui/alert";
import { FormErrors } from "../form-errors.tsx";

/** Above a form: what it just did, or why the server refused it as a whole. */
export function FormOutcome({ done, errors, id }: { done?: string; errors?: string[]; id?: string }) {
  if (done) return <Alert tone="success">{done}</Alert>;
  return <FormErrors errors={errors} id={id} />;
}
