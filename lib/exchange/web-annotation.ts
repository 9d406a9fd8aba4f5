// A claim's anchor as a W3C Web Annotation (JSON-LD): the article page is the target, found by the
// quoted words with their context (TextQuoteSelector) or by character offsets (TextPositionSelector).
export interface AnchoredClaim {
  id: string;
  text: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  articleSlug: string;
}

export function toWebAnnotation(claim: AnchoredClaim, siteUrl: string) {
  const site = siteUrl.replace(/\/$/, "");
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `${site}/claims/${encodeURIComponent(claim.id)}`,
    type: "Annotation",
    motivation: "highlighting",
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
