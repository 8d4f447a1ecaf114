import { z } from "zod";

const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

/**
 * A department as the matrix page's form sends it: the name staff use (shown in every language
 * without a translation) and its name in Spanish, Brazilian Portuguese and Arabic, each optional.
 * The code is what imports and reports use; it cannot change once made.
 */
export const SaveDepartmentSchema = z.object({
  /** Absent: a new department. */
  departmentId: OptionalText(100),
  code: z
    .string({ error: "Enter a code." })
    .trim()
    .min(1, "Enter a code.")
    .max(30)
    .regex(/^[A-Za-z0-9_-]+$/, "Letters, digits, - and _ only.")
    .transform((v) => v.toUpperCase()),
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(100),
  email: z
    .email("Enter an e-mail address.")
    .max(254)
    .nullish()
    .or(z.literal("").transform(() => null))
    .transform((v) => v?.toLowerCase() ?? null),
  nameEs: OptionalText(100),
  namePtBR: OptionalText(100),
  nameAr: OptionalText(100),
});
export type SaveDepartmentInput = z.input<typeof SaveDepartmentSchema>;
