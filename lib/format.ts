// How numbers, dates and ages read on a page. Pure, and the same on the server and in the browser.
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const PLURAL = new Intl.PluralRules("en");
const NUMBER = new Intl.NumberFormat("en");

export function formatDate(date: Date) {
  return DATE.format(date);
}

/**
 * "1 reply", "3 replies", "1,200 responses": a count with the word in the form English takes for it
 * (Intl.PluralRules), the only way pages write a count in words. `other` defaults to `one` + "s".
 */
export function count(value: number, one: string, other = `${one}s`): string {
  return `${NUMBER.format(value)} ${PLURAL.select(value) === "one" ? one : other}`;
}

/** A text's first `length` characters on one line, "…" where it was cut: how a page names a response. */
export function excerpt(text: string, length: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
}
