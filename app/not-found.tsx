import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-12 text-center">
      <h1 className="font-serif text-3xl font-semibold">Not found</h1>
      <p className="text-muted">There is nothing at this address.</p>
      <Link href="/" className="text-accent hover:underline">
        Back to the articles
      </Link>
    </div>
  );
}
