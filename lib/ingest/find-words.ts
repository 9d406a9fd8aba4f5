// Where some words stand in an article's body, whatever their spacing and case: words selected on the
// original page ("Argue this page") seldom match the extracted body character for character. Pure.
import type { Span } from "./spans";

export function findWords(body: string, words: string): Span | null {
  const pattern = words
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
  if (!pattern) return null;
  const match = new RegExp(pattern, "i").exec(body);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}
