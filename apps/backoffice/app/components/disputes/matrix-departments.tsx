import { getFormProps } from "@conform-to/react";
import { DEPARTMENT_NAME_LOCALES } from "@settle/domain/disputes/department-names";
import type { DisputeMatrix } from "@settle/domain/disputes/get-dispute-matrix";
import { DisputeMatrixFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextField } from "@settle/ui/fields";
import { Form, Link, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { matrixIssueWords } from "./dispute-issue-words.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

type Department = DisputeMatrix["departments"][number];

/** The form's field for each language a department's name can be translated into. */
const FIELDS = { es: "nameEs", "pt-BR": "namePtBR", ar: "nameAr" } as const;

/**
 * The departments disputes are routed to, each with its name in the other languages (portal users
 * and staff read the one for their language, else the name); an editor adds or renames them.
 */
export function MatrixDepartments({ matrix, answer }: { matrix: DisputeMatrix; answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute-matrix");
  return (
    <Card title={t("departments.title")}>
      <div className="space-y-4">
        <p className="text-sm text-ink-muted">{t("departments.text")}</p>
        {matrix.departments.length === 0 ? (
          <p className="text-sm text-ink-muted">{t("departments.none")}</p>
        ) : (
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("departments.caption")}</caption>
            <thead>
              <tr className="text-xs text-ink-muted uppercase">
                <th scope="col" className="py-1.5 text-start font-semibold">
                  {t("departments.name")}
                </th>
                <th scope="col" className="py-1.5 text-start font-semibold">
                  {t("departments.translations")}
                </th>
                <th scope="col" className="py-1.5 text-start font-semibold">
                  {t("departments.email")}
                </th>
                <th scope="col" className="py-1.5">
                  <span className="sr-only">{t("rules.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {matrix.departments.map((d) => (
                <DepartmentRow key={d.id} department={d} />
              ))}
            </tbody>
          </table>
        )}
        <DepartmentForm key={matrix.editingDepartment?.id ?? "new"} matrix={matrix} answer={answer} />
      </div>
    </Card>
  );
}

function DepartmentRow({ department: d }: { department: Department }) {
  const { t } = useTranslation("dispute-matrix");
  const translated = DEPARTMENT_NAME_LOCALES.filter((locale) => d.translations[locale]);
  return (
    <tr className="border-t border-line align-top">
      <th scope="row" className="py-1.5 text-start font-medium">
        <bdi>{d.storedName}</bdi> <span className="font-mono text-xs text-ink-muted">{d.code}</span>
      </th>
      <td className="py-1.5">
        {translated.length === 0 ? (
          <span className="text-ink-muted">{t("departments.noTranslations")}</span>
        ) : (
          <ul>
            {translated.map((locale) => (
              <li key={locale}>
                <span className="text-ink-muted">{t(`departments.languages.${locale}`)}:</span>{" "}
                <bdi lang={locale}>{d.translations[locale]}</bdi>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="py-1.5">
        {d.email ? <bdi>{d.email}</bdi> : <span className="text-ink-muted">{t("ruleForm.none")}</span>}
      </td>
      <td className="py-1.5 text-end">
        <Link
          to={`?department=${d.id}`}
          className="text-sm text-brand-700 hover:underline"
          aria-label={t("departments.editOne", { name: d.storedName })}
        >
          {t("rules.edit")}
        </Link>
      </td>
    </tr>
  );
}

function DepartmentForm({ matrix, answer }: { matrix: DisputeMatrix; answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute-matrix");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const department = matrix.editingDepartment;
  const [form, fields] = useIntentForm(
    DisputeMatrixFormSchema,
    `department-${department?.id ?? "new"}`,
    replyFor(answer, "department-save"),
    {
      code: department?.code ?? "",
      name: department?.storedName ?? "",
      email: department?.email ?? "",
      nameEs: department?.translations.es ?? "",
      namePtBR: department?.translations["pt-BR"] ?? "",
      nameAr: department?.translations.ar ?? "",
    },
    matrixIssueWords(t),
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-line pt-4">
      <h3 className="text-sm font-semibold text-ink">
        {department ? t("departments.edit", { name: department.storedName }) : t("departments.add")}
      </h3>
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="department-save" />
      {department ? <input type="hidden" name="departmentId" value={department.id} /> : null}
      <FormOutcome done={doneFor(answer, "department-save")} errors={form.errors} id={form.errorId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t("departments.code")}
          field={fields.code}
          maxLength={30}
          autoComplete="off"
          readOnly={!!department}
          className="uppercase"
        />
        <TextField label={t("departments.name")} field={fields.name} maxLength={100} autoComplete="off" />
        {DEPARTMENT_NAME_LOCALES.map((locale) => (
          <TextField
            key={locale}
            label={t("departments.nameIn", { language: t(`departments.languages.${locale}`) })}
            field={fields[FIELDS[locale]]}
            maxLength={100}
            autoComplete="off"
            lang={locale}
            dir="auto"
          />
        ))}
        <TextField
          label={t("departments.email")}
          field={fields.email}
          type="email"
          maxLength={254}
          autoComplete="off"
        />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={busy}>
          {department ? t("departments.save") : t("departments.submitAdd")}
        </Button>
        {department ? (
          <Link to="?" className="text-sm text-brand-700 hover:underline">
            {t("ruleForm.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
