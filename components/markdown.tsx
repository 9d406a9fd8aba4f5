import type { Nodes, Root } from "mdast";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

// The Markdown subset of responses. react-markdown builds React elements (never raw HTML), drops HTML
// in the source, and its URL filter removes javascript: and other unsafe link targets. GitHub's
// extensions (remark-gfm) turn pasted addresses into links and ~~text~~ into strikethrough; a single
// "~" stays text ("~5%" is "about 5%"), and tables and task lists show as their text.
const ALLOWED = ["p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "br", "del"];

/**
 * Markdown bombs. A response is at most 5,000 characters, but 5,000 ">" make 5,000 nested quotes,
 * deep enough to overflow the stack while rendering and take the whole claim page down, and 2,500
 * "- " take the parser seconds. So a line's run of quote and list markers is cut to MAX_NESTING
 * before parsing, quotes and lists still deeper (by indentation) are flattened into their parent,
 * and text longer than MAX_SOURCE (never accepted from a form, but possible in stored or imported
 * data) is shown as plain text without parsing.
 */
export const MAX_NESTING = 8;
export const MAX_SOURCE = 20_000;
const CONTAINERS = new Set(["blockquote", "list", "listItem"]);

// ">" needs no space after it (">>>" is three quotes); list markers do.
const MARKER_RUN = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+/;
const MARKER = /[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/g;

function limitMarkerRuns(text: string) {
  return text
    .split("\n")
    .map((line) => {
      const run = MARKER_RUN.exec(line)?.[0];
      if (!run) return line;
      const markers = run.match(MARKER)!;
      return markers.length <= MAX_NESTING ? line : markers.slice(0, MAX_NESTING).join("") + line.slice(run.length);
    })
    .join("\n");
}

function capNesting() {
  return (tree: Root) => {
    // Iterative, because the tree being flattened may be deeper than the stack allows.
    const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
    while (stack.length) {
      const { node, depth } = stack.pop()!;
      if (!("children" in node)) continue;
      const children = node.children as Nodes[];
      for (let index = 0; index < children.length;) {
        const child = children[index];
        const container = CONTAINERS.has(child.type);
        if (container && depth >= MAX_NESTING && "children" in child) {
          children.splice(index, 1, ...(child.children as Nodes[]));
          continue;
        }
        stack.push({ node: child, depth: depth + (container ? 1 : 0) });
        index += 1;
      }
    }
  };
}

const STYLE =
  "space-y-2 break-words [&_a]:text-accent [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5";

export function Markdown({ text }: { text: string }) {
  if (text.length > MAX_SOURCE) {
    return (
      <div className={STYLE}>
        <p className="whitespace-pre-wrap">{text}</p>
      </div>
    );
  }
  return (
    <div className={STYLE}>
      <ReactMarkdown
        allowedElements={ALLOWED}
        unwrapDisallowed
        skipHtml
        remarkPlugins={[[remarkGfm, { singleTilde: false }], capNesting]}
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="nofollow ugc noopener noreferrer" target="_blank">
              {children}
            </a>
          ),
        }}
      >
        {limitMarkerRuns(text)}
      </ReactMarkdown>
    </div>
  );
}
