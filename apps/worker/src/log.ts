type Fields = Record<string, string | number | boolean | null | undefined>;

/** One line per event, `key=value` pairs: easy to grep, no logging library needed. */
function format(event: string, fields: Fields): string {
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(
      ([key, value]) =>
        `${key}=${typeof value === "string" && /[\s"=]/.test(value) ? JSON.stringify(value) : value}`,
    );
  return [new Date().toISOString(), event, ...pairs].join(" ");
}

export const logInfo = (event: string, fields: Fields = {}) => console.log(format(event, fields));
export const logError = (event: string, fields: Fields = {}) => console.error(format(event, fields));

export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && !error.message.includes(code)
    ? `${code}: ${error.message}`
    : error.message;
}
