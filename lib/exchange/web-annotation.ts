// A claim's anchor as a W3C Web Annotation (JSON-LD): the article page is the target, found by the
// quoted words with their context (TextQuoteSelector) or by character offsets (TextPositionSelector).
import type { ClaimOrigin } from "@/lib/generated/prisma/enums";

export interface AnchoredClaim {
  id: string;
  text: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  articleSlug: string;
  origin: ClaimOrigin;
  raisedBy: { id: string; name: string } | null;
}

/** The annotation's creator: the reader who raised the claim, else the software or editors that marked it. */
function creator(claim: AnchoredClaim, site: string) {
  if (claim.raisedBy) return { id: `${site}/users/${encodeURIComponent(claim.raisedBy.id)}`, type: "Person", name: claim.raisedBy.name };
  if (claim.origin === "pipeline") return { type: "Software", name: "Arguably claim finder" };
  if (claim.origin === "editor") return { type: "Organization", name: "Arguably editors" };
  return { type: "Person", name: "A reader" };
}

export function toWebAnnotation(claim: AnchoredClaim, siteUrl: string) {
  const site = siteUrl.replace(/\/$/, "");
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `${site}/claims/${encodeURIComponent(claim.id)}`,
    type: "Annotation",
    motivation: "highlighting",
    creator: creator(claim, site),
    body: { type: "TextualBody", value: claim.text, format: "text/plain", purpose: "describing" },
    target: {
      source: `${site}/articles/${encodeURIComponent(claim.articleSlug)}`,
      selector: [
        { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        { type: "TextPositionSelector", start: claim.start, end: claim.end },
      ],
    },
  };
}
