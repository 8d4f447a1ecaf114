/** 1500n thousandths → "1.5" in the page's language (quantities are not money, but stay exact). */
export function formatQuantity(milli: bigint, locale: string): string {
  const negative = milli < 0n;
  const abs = negative ? -milli : milli;
  const text = `${negative ? "-" : ""}${abs / 1000n}.${(abs % 1000n).toString().padStart(3, "0")}`;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(text as unknown as number);
}

/** 1900 basis points → "19%", 625 → "6.25%". */
export function formatRate(basisPoints: number, locale: string): string {
  const text = `${Math.trunc(basisPoints / 10_000)}.${String(basisPoints % 10_000).padStart(4, "0")}`;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
    text as unknown as number,
  );
}
