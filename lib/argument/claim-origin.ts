// Who marked a claim, in the words readers see everywhere it is shown (article, claim page, search,
// exports). Pure.
import type { ClaimOrigin } from "@/lib/vocabulary";

/** "Raised by Ada", "Raised by Ada, accepted by the editors", "Marked by the editors", … */
export function describeOrigin(origin: ClaimOrigin, raisedBy: { name: string } | null): string {
  const raiser = raisedBy ? `Raised by ${raisedBy.name}` : "Raised by a reader";
  if (origin === "reader") return raiser;
  if (origin === "editor") return raisedBy ? `${raiser}, accepted by the editors` : "Marked by the editors";
  return "Marked by Arguably's claim finder";
}
