/**
 * A value inside a sentence, between Unicode first-strong isolates (U+2068 … U+2069): the text
 * form of `<bdi>`. In right-to-left text a Latin name ending in punctuation, an amount or an
 * account number keeps its own direction and does not pull the sentence's words around it
 * ("Maggio & Kovacek Corp." never reads ".Maggio & Kovacek Corp"). The marks are invisible.
 */
export const isolate = (value: string): string => (value === "" ? value : `\u2068${value}\u2069`);
