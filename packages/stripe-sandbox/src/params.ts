import { invalidRequest, missingParam, unknownParam } from "./errors.ts";
import type { FormObject, FormValue } from "./form.ts";

export interface RangeFilter {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

/**
 * Reads request parameters the way Stripe validates them: typed accessors, Stripe's messages for
 * missing or malformed values, and `done()` rejecting any parameter no accessor read (so a typo
 * in Settle fails here exactly as it would against Stripe).
 */
export class Params {
  private readonly seen: Set<string>;

  constructor(
    private readonly raw: FormObject,
    private readonly prefix = "",
    seen?: Set<string>,
  ) {
    this.seen = seen ?? new Set(["expand"]);
  }

  path(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  private take(key: string): FormValue | undefined {
    this.seen.add(this.path(key));
    return this.raw[key];
  }

  string(key: string, opts: { required?: boolean; maxLength?: number } = {}): string | undefined {
    const v = this.take(key);
    if (v === undefined || v === "") {
      if (opts.required) throw missingParam(this.path(key));
      return undefined;
    }
    if (typeof v !== "string")
      throw invalidRequest(`Invalid string: ${this.path(key)}`, { param: this.path(key) });
    if (opts.maxLength && v.length > opts.maxLength) {
      throw invalidRequest(`Invalid ${this.path(key)}: must be at most ${opts.maxLength} characters`, {
        param: this.path(key),
        code: "string_length_exceeded",
      });
    }
    return v;
  }

  requiredString(key: string, maxLength?: number): string {
    return this.string(key, { required: true, ...(maxLength ? { maxLength } : {}) })!;
  }

  int(key: string, opts: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const v = this.string(key, { required: opts.required });
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
      throw invalidRequest(`Invalid integer: ${v}`, {
        param: this.path(key),
        code: "parameter_invalid_integer",
      });
    }
    const n = Number(v);
    if (opts.min !== undefined && n < opts.min) {
      throw invalidRequest(`This value must be greater than or equal to ${opts.min}.`, {
        param: this.path(key),
        code: "parameter_invalid_integer",
      });
    }
    if (opts.max !== undefined && n > opts.max) {
      throw invalidRequest(`This value must be less than or equal to ${opts.max}.`, {
        param: this.path(key),
        code: "parameter_invalid_integer",
      });
    }
    return n;
  }

  bool(key: string): boolean | undefined {
    const v = this.string(key);
    if (v === undefined) return undefined;
    if (v === "true") return true;
    if (v === "false") return false;
    throw invalidRequest(`Invalid boolean: ${v}`, {
      param: this.path(key),
      code: "parameter_invalid_boolean",
    });
  }

  enum<T extends string>(
    key: string,
    values: readonly T[],
    opts: { required?: boolean } = {},
  ): T | undefined {
    const v = this.string(key, opts);
    if (v === undefined) return undefined;
    if (!values.includes(v as T)) {
      throw invalidRequest(`Invalid ${this.path(key)}: must be one of ${values.join(", ")}`, {
        param: this.path(key),
      });
    }
    return v as T;
  }

  object(key: string): Params | undefined {
    const v = this.take(key);
    this.seen.delete(this.path(key));
    if (v === undefined || v === "") return undefined;
    if (typeof v === "string" || Array.isArray(v)) {
      throw invalidRequest(`Invalid object: ${this.path(key)}`, { param: this.path(key) });
    }
    return new Params(v, this.path(key), this.seen);
  }

  /** An array of objects, e.g. `line_items`. */
  objects(key: string, opts: { required?: boolean } = {}): Params[] | undefined {
    const v = this.take(key);
    this.seen.delete(this.path(key));
    if (v === undefined || v === "") {
      if (opts.required) throw missingParam(this.path(key));
      return undefined;
    }
    if (!Array.isArray(v))
      throw invalidRequest(`Invalid array: ${this.path(key)}`, { param: this.path(key) });
    return v.map((item, i) => {
      const path = `${this.path(key)}[${i}]`;
      if (typeof item === "string" || Array.isArray(item)) {
        throw invalidRequest(`Invalid object: ${path}`, { param: path });
      }
      return new Params(item, path, this.seen);
    });
  }

  strings(key: string): string[] | undefined {
    const v = this.take(key);
    if (v === undefined || v === "") return undefined;
    const list = Array.isArray(v) ? v : [v];
    if (!list.every((s): s is string => typeof s === "string")) {
      throw invalidRequest(`Invalid array: ${this.path(key)}`, { param: this.path(key) });
    }
    return list;
  }

  /**
   * `metadata[k]=v`. An empty value unsets that key on update, so it is kept as ""; `metadata=""`
   * (clear everything) is null.
   */
  metadata(key = "metadata"): Record<string, string> | null | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (v === "") return null;
    if (typeof v === "string" || Array.isArray(v)) {
      throw invalidRequest(`Invalid object: ${this.path(key)}`, { param: this.path(key) });
    }
    const out: Record<string, string> = {};
    const entries = Object.entries(v);
    if (entries.length > 50) {
      throw invalidRequest("Invalid metadata: metadata must have at most 50 keys", { param: this.path(key) });
    }
    for (const [k, value] of entries) {
      const path = `${this.path(key)}[${k}]`;
      if (typeof value !== "string") throw invalidRequest(`Invalid string: ${path}`, { param: path });
      if (k.length > 40)
        throw invalidRequest(`Invalid ${path}: keys must be at most 40 characters`, { param: path });
      if (value.length > 500) {
        throw invalidRequest(`Invalid ${path}: values must be at most 500 characters`, { param: path });
      }
      out[k] = value;
    }
    return out;
  }

  /** `created=123` or `created[gte]=123` etc. */
  range(key: string): RangeFilter | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (typeof v === "string") {
      const n = this.int(key)!;
      return { gte: n, lte: n };
    }
    const sub = this.object(key)!;
    const out: RangeFilter = {};
    for (const op of ["gt", "gte", "lt", "lte"] as const) {
      const n = sub.int(op);
      if (n !== undefined) out[op] = n;
    }
    return out;
  }

  /** Throws Stripe's "Received unknown parameter" for the first parameter nobody read. */
  done(): void {
    const walk = (value: FormValue, path: string): void => {
      if (this.seen.has(path)) return;
      if (typeof value === "string") throw unknownParam(path);
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          walk(item, `${path}[${i}]`);
        });
        if (value.length === 0) throw unknownParam(path);
        return;
      }
      const keys = Object.keys(value);
      if (keys.length === 0) throw unknownParam(path);
      for (const k of keys) walk(value[k]!, `${path}[${k}]`);
    };
    for (const k of Object.keys(this.raw)) {
      const path = this.path(k);
      walk(this.raw[k]!, path);
    }
  }
}

export function inRange(value: number, range: RangeFilter | undefined): boolean {
  if (!range) return true;
  if (range.gt !== undefined && !(value > range.gt)) return false;
  if (range.gte !== undefined && !(value >= range.gte)) return false;
  if (range.lt !== undefined && !(value < range.lt)) return false;
  if (range.lte !== undefined && !(value <= range.lte)) return false;
  return true;
}
