type PluralForm = "zero" | "one" | "two" | "few" | "many" | "other";

type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** The keys of a namespace's JSON (nested with dots), plural forms named once by their base key. */
export type MessageKey<T> = Paths<T> extends infer P ? (P extends `${infer B}_${PluralForm}` ? B : P) : never;

export type MessageValues = Record<string, string | number>;
