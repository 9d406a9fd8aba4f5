import type { Metadata, Viewport } from "next";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { ViewerScope } from "@/components/viewer/viewer-scope";
import { pageOverlay } from "@/lib/debate/page-overlay";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Arguably", template: "%s · Arguably" },
  description: "Argue about what an article actually says, claim by claim.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f5d8a" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Null in a shared render: the page's own scope asks for the person's layer.
  const seed = await pageOverlay(null);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <ViewerScope seed={seed} ask={false}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
            Skip to content
          </a>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
            {children}
          </main>
          <footer className="mx-auto flex max-w-6xl flex-wrap gap-x-4 gap-y-1 border-t border-line px-4 py-4 text-sm text-muted">
            <Link href="/about" className="hover:underline">
              About Arguably
            </Link>
            <Link href="/moderation/log" className="hover:underline">
              Moderation log
            </Link>
            <Link href="/developers" className="hover:underline">
              API for developers
            </Link>
          </footer>
        </ViewerScope>
      </body>
    </html>
  );
}
