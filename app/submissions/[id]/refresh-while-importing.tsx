"use client";
// While the import runs, the page asks for itself again every second and a half, so the reader sees
// its progress (the job writes it to the submission) and then how it ended.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshWhileImporting({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
