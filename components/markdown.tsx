import ReactMarkdown from "react-markdown";

// The Markdown subset of responses. react-markdown builds React elements (never raw HTML), drops HTML
// in the source, and its URL filter removes javascript: and other unsafe link targets.
const ALLOWED = ["p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "br", "del"];

export function Markdown({ text }: { text: string }) {
  return (
    <div className="space-y-2 break-words [&_a]:text-accent [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown
        allowedElements={ALLOWED}
        unwrapDisallowed
        skipHtml
        components={{ a: ({ href, children }) => <a href={href} rel="nofollow ugc noopener noreferrer" target="_blank">{children}</a> }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
