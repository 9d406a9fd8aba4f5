"use client";

// Shown instead of any server error: a plain message, never a stack trace.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-12 text-center" role="alert">
      <h1 className="font-serif text-3xl font-semibold">Something went wrong</h1>
      <p className="text-muted">Arguably could not load this page just now. Your data is safe; please try again.</p>
      <button type="button" onClick={reset} className="text-accent hover:underline">
        Try again
      </button>
    </div>
  );
}
