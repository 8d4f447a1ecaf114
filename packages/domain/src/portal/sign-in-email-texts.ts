import type { PortalLocale } from "../base/portal-locales.ts";

/**
 * The words of the sign-in e-mail in each portal language. The portal's own texts live in the
 * app's locale files, which the domain cannot import; these few sentences are kept here instead.
 */
export interface SignInEmailTexts {
  /** Text direction of the language, for the HTML message. */
  dir: "ltr" | "rtl";
  subject: (code: string) => string;
  greeting: (name: string) => string;
  useCode: string;
  orOpenLink: string;
  button: string;
  /** "10 minutes", declined for the language. */
  duration: (minutes: number) => string;
  expiry: (duration: string) => string;
  sameBrowser: string;
  ignore: string;
}

/** Picks the word for `n` by the language's plural rules (Arabic has six forms). */
function plural(locale: PortalLocale, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>>) {
  const form = forms[new Intl.PluralRules(locale).select(n)] ?? forms.other ?? "";
  return form.replace("#", new Intl.NumberFormat(locale).format(n));
}

export const SIGN_IN_EMAIL_TEXTS: Record<PortalLocale, SignInEmailTexts> = {
  en: {
    dir: "ltr",
    subject: (code) => `Your sign-in code: ${code}`,
    greeting: (name) => `Hello ${name},`,
    useCode: "Use this code to sign in to the customer portal:",
    orOpenLink: "Or open this link in the browser where you asked for the code:",
    button: "Sign in",
    duration: (n) => plural("en", n, { one: "# minute", other: "# minutes" }),
    expiry: (duration) => `The code and the link work once and expire in ${duration}.`,
    sameBrowser: "Open the link in the browser where you asked for the code.",
    ignore: "If you did not try to sign in, you can ignore this e-mail: nobody can sign in without the code.",
  },
  es: {
    dir: "ltr",
    subject: (code) => `Su código de acceso: ${code}`,
    greeting: (name) => `Hola, ${name}:`,
    useCode: "Utilice este código para acceder al portal de clientes:",
    orOpenLink: "O abra este enlace en el navegador desde el que solicitó el código:",
    button: "Iniciar sesión",
    duration: (n) => plural("es", n, { one: "# minuto", other: "# minutos" }),
    expiry: (duration) => `El código y el enlace solo pueden usarse una vez y caducan en ${duration}.`,
    sameBrowser: "Abra el enlace en el navegador desde el que solicitó el código.",
    ignore:
      "Si no ha intentado iniciar sesión, puede ignorar este correo: nadie puede acceder sin el código.",
  },
  "pt-BR": {
    dir: "ltr",
    subject: (code) => `Seu código de acesso: ${code}`,
    greeting: (name) => `Olá, ${name},`,
    useCode: "Use este código para entrar no portal do cliente:",
    orOpenLink: "Ou abra este link no navegador em que você solicitou o código:",
    button: "Entrar",
    duration: (n) => plural("pt-BR", n, { one: "# minuto", other: "# minutos" }),
    expiry: (duration) => `O código e o link só podem ser usados uma vez e expiram em ${duration}.`,
    sameBrowser: "Abra o link no navegador em que você solicitou o código.",
    ignore: "Se você não tentou entrar, pode ignorar este e-mail: ninguém consegue entrar sem o código.",
  },
  ar: {
    dir: "rtl",
    subject: (code) => `رمز تسجيل الدخول الخاص بك: ${code}`,
    greeting: (name) => `مرحبًا ${name}،`,
    useCode: "استخدم هذا الرمز لتسجيل الدخول إلى بوابة العملاء:",
    orOpenLink: "أو افتح هذا الرابط في المتصفح نفسه الذي طلبت منه الرمز:",
    button: "تسجيل الدخول",
    duration: (n) =>
      plural("ar", n, {
        zero: "# دقيقة",
        one: "دقيقة واحدة",
        two: "دقيقتين",
        few: "# دقائق",
        many: "# دقيقة",
        other: "# دقيقة",
      }),
    expiry: (duration) => `لا يمكن استخدام الرمز والرابط إلا مرة واحدة، وتنتهي صلاحيتهما خلال ${duration}.`,
    sameBrowser: "افتح الرابط في المتصفح نفسه الذي طلبت منه الرمز.",
    ignore: "إذا لم تحاول تسجيل الدخول، فيمكنك تجاهل هذه الرسالة: لا يمكن لأحد تسجيل الدخول بدون الرمز.",
  },
};
