/** The hidden CSRF token every mutating form carries (field name "csrf", checked by assertCsrf). */
export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}
