import { invalidRequest } from "./errors.ts";

/** A decoded form value: strings at the leaves, objects and arrays above them. */
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

const MAX_DEPTH = 8;
const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Decodes Stripe's bracketed form encoding (`a[b][0][c]=x`, `expand[]=y`) into nested values.
 * Keys whose children are all indices become arrays, ordered by index.
 */
export function parseForm(encoded: string): FormObject {
  const root: FormObject = Object.create(null);
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const path = splitKey(rawKey);
    let node: FormObject = root;
    for (let i = 0; i < path.length; i++) {
      let segment = path[i]!;
      if (segment === "") segment = String(Object.keys(node).length);
      if (i === path.length - 1) {
        node[segment] = value;
        break;
      }
      const existing = node[segment];
      if (existing === undefined || typeof existing === "string") {
        const child: FormObject = Object.create(null);
        node[segment] = child;
        node = child;
      } else {
        node = existing as FormObject;
      }
    }
  }
  return toArrays(root) as FormObject;
}

function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open < 0) return [checkSegment(key, key)];
  const segments = [checkSegment(key.slice(0, open), key)];
  const rest = key.slice(open);
  const re = /\[([^[\]]*)\]/g;
  let consumed = 0;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    if (m.index !== consumed) break;
    segments.push(checkSegment(m[1]!, key));
    consumed = m.index + m[0].length;
  }
  if (consumed !== rest.length) throw invalidRequest(`Invalid parameter name: ${key}`, { param: key });
  if (segments.length > MAX_DEPTH)
    throw invalidRequest(`Parameter nested too deeply: ${key}`, { param: key });
  return segments;
}

function checkSegment(segment: string, key: string): string {
  if (FORBIDDEN.has(segment)) throw invalidRequest(`Invalid parameter name: ${key}`, { param: key });
  return segment;
}

function toArrays(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = toArrays(value[k]!);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((k) => value[String(k)]!);
  }
  return value;
}
