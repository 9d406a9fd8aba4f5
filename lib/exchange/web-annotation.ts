// A claim's anchor as a W3C Web Annotation (JSON-LD). The first target is the original page, where the
// article was published, with selectors valid for the original's text (TextQuoteSelector: the words with
// their context; TextPositionSelector: code-point offsets), so annotation tools such as Hypothesis show
// the claim on the publisher's page. The second target is our copy of the article, and a linking body
// says where the claim's debate is.
import type { ClaimOrigin } from "@/lib/generated/prisma/enums";
import { codePointOffset, locateInOriginal } from "./original-text";

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

/** Where the article came from: its address and its text as stored at import (either may be unknown). */
export interface OriginalDocument {
  url: string | null;
  text: string | null;
  /** Our copy's length, to prefer the occurrence at the same place when the words occur twice. */
  copyLength: number;
}

/** The original page as a target: selectors for its text when the words are found in it, else the quote alone. */
function originalTarget(claim: AnchoredClaim, original: OriginalDocument) {
  if (!original.url) return null;
  const found = original.text
    ? locateInOriginal(original.text, { exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix, near: claim.start / Math.max(1, original.copyLength) })
    : null;
  if (!found) {
    // Without its text (an article imported before it was kept) the quote is all we can say; clients
    // anchor by quote and context.
    return { source: original.url, selector: [{ type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix }] };
  }
  return {
    source: original.url,
    selector: [
      { type: "TextQuoteSelector", exact: found.exact, prefix: found.prefix, suffix: found.suffix },
      { type: "TextPositionSelector", start: codePointOffset(original.text!, found.start), end: codePointOffset(original.text!, found.end) },
    ],
  };
}

export function toWebAnnotation(claim: AnchoredClaim, siteUrl: string, original: OriginalDocument = { url: null, text: null, copyLength: 0 }) {
  const site = siteUrl.replace(/\/$/, "");
  const page = `${site}/claims/${encodeURIComponent(claim.id)}`;
  const copy = {
    source: `${site}/articles/${encodeURIComponent(claim.articleSlug)}`,
    selector: [
      { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
      { type: "TextPositionSelector", start: claim.start, end: claim.end },
    ],
  };
  const publisher = originalTarget(claim, original);
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: page,
    type: "Annotation",
    motivation: "highlighting",
    creator: creator(claim, site),
    body: [
      { type: "TextualBody", value: claim.text, format: "text/plain", purpose: "describing" },
      // Where the debate about these words is, on our site.
      { id: page, type: "Text", format: "text/html", purpose: "linking" },
    ],
    target: publisher ? [publisher, copy] : [copy],
  };
}
