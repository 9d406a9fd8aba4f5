// The Web App Manifest: installing Arguably on a phone puts it in the Share menu (share_target), so
// "Argue this page" works from any app: the shared address and words land on /submit.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Arguably",
    short_name: "Arguably",
    description: "Argue about what an article actually says, claim by claim.",
    start_url: "/",
    display: "standalone",
    background_color: "#faf9f7",
    theme_color: "#1f4e79",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon.png", sizes: "180x180", type: "image/png" },
    ],
    // Share targets are in the manifest spec but not in Next.js's type yet.
    ...({ share_target: { action: "/submit", method: "GET", params: { title: "title", text: "text", url: "url" } } } as object),
  };
}
