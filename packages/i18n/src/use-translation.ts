import type { i18n, TFunction } from "i18next";
import { useContext } from "react";
import { I18nContext } from "react-i18next";

type Values = Record<string, string | number | boolean | null | undefined>;

/** Plain values only: a call with functions, objects or arrays is not remembered. */
function plainValues(options: unknown): options is Values {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return false;
  for (const value of Object.values(options)) {
    if (value === null || value === undefined) continue;
    const type = typeof value;
    if (type !== "string" && type !== "number" && type !== "boolean") return false;
  }
  return true;
}

// Enough for every text of every page with its usual values; past it, start again.
const MAX_REMEMBERED = 10_000;

/**
 * i18next's fixed `t` copies the instance's options into a new object on every call, then
 * resolves the key, plurals and interpolation: about 16 µs for a plain text and 40 µs for one
 * with a count, a tenth of rendering a page. The catalogue never changes while the process runs,
 * so a key with the same values always gives the same text: remember it (translations only,
 * never ledger data).
 */
function remembering(fixed: TFunction): TFunction {
  const call = fixed as unknown as (...args: unknown[]) => unknown;
  const texts = new Map<string, unknown>();
  const t = (key: unknown, options?: unknown, ...rest: unknown[]) => {
    if (typeof key !== "string" || rest.length > 0 || (options !== undefined && !plainValues(options)))
      return call(key, options, ...rest);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    if (texts.has(id)) return texts.get(id);
    const text = call(key, options);
    if (typeof text === "string") {
      if (texts.size >= MAX_REMEMBERED) texts.clear();
      texts.set(id, text);
    }
    return text;
  };
  // Trans and others read which namespace and language a `t` is fixed to from these.
  const { lng, lngs, ns, keyPrefix } = fixed as unknown as Record<string, unknown>;
  return Object.assign(t, { lng, lngs, ns, keyPrefix }) as unknown as TFunction;
}

// One `t` per instance and namespace, made once: instances never change language (instances.ts).
const fixedTs = new WeakMap<i18n, Map<string, TFunction>>();

/**
 * The page's `t` for a namespace, from the instance the app's root layout provides. Same shape as
 * react-i18next's hook (`{ t, i18n }`), without its per-call copy of the instance, which a server
 * render made anew for every component that asked (every resource is loaded synchronously, so
 * there is never a loading state to report).
 */
export function useTranslation(ns = "common"): { t: TFunction; i18n: i18n } {
  const instance = useContext(I18nContext)?.i18n;
  if (!instance) throw new Error("useTranslation needs the I18nextProvider of the app's root.");
  let byNs = fixedTs.get(instance);
  if (!byNs) {
    byNs = new Map();
    fixedTs.set(instance, byNs);
  }
  let t = byNs.get(ns);
  if (!t) {
    t = remembering(instance.getFixedT(null, ns));
    byNs.set(ns, t);
  }
  return { t, i18n: instance };
}
