import type { TFunction } from "i18next";

/** The failed events page's field errors in the page's language (the schema's paths name them). */
export const failedEventIssueWords =
  (t: TFunction) => (issues: readonly { path?: readonly PropertyKey[] }[]) =>
    issues.map((issue) =>
      t(issue.path?.[0] === "note" ? "failed-events:dismiss.noteMissing" : "failed-events:noEvent"),
    );
