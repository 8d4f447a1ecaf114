import type { Money } from "@settle/domain/money/money";
import type { IsoDate } from "../types.ts";

/** What each column type's `value` returns. Money carries its currency, so one column may mix them. */
export interface ExportValueTypes {
  text: string;
  money: Money;
  date: IsoDate;
  integer: number | bigint;
}

export type ExportColumnType = keyof ExportValueTypes;

/**
 * One column of a CSV or XLSX export, defined once for both formats:
 * `{ header: "Amount", type: "money", value: (row) => ({ amount: row.amount, currency: row.currency }) }`.
 * A null or undefined value is an empty cell.
 */
export type ExportColumn<T> = {
  [K in ExportColumnType]: {
    header: string;
    type: K;
    value(row: T): ExportValueTypes[K] | null | undefined;
    /** Width in characters in XLSX; a default per type otherwise. */
    width?: number;
  };
}[ExportColumnType];

/** Rows may come from an array or be streamed from a cursor. */
export type ExportRows<T> = Iterable<T> | AsyncIterable<T>;
