import { StaffSignInSchema, signInStaff } from "@settle/domain/auth/sign-in-staff";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";

export interface SignedInStaff {
  userId: string;
}

/**
 * remix-auth with a form strategy: the verify step parses the posted form with the domain's
 * schema and checks the credentials (rate limits included) in signInStaff. An authenticator is
 * built per attempt because the rate limit needs the client address, which the strategy cannot
 * see. The caller sets the session cookie itself.
 */
export function staffAuthenticator(client: { ip: string }) {
  const authenticator = new Authenticator<SignedInStaff>();
  authenticator.use(
    new FormStrategy(async ({ form }) => {
      const input = StaffSignInSchema.parse({
        email: form.get("email") ?? "",
        password: form.get("password") ?? "",
      });
      return signInStaff(input, client);
    }),
    "form",
  );
  return authenticator;
}
