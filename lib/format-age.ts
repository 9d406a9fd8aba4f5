import { count } from "./format";

/** "just now", "5 minutes ago", "1 hour ago", "2 days ago"; a date after 30 days. */
export function formatAge(date: Date, now = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${count(Math.floor(seconds / 60), "minute")} ago`;
  if (seconds < 86400) return `${count(Math.floor(seconds / 3600), "hour")} ago`;
  if (seconds < 30 * 86400) return `${count(Math.floor(seconds / 86400), "day")} ago`;
  return date.toISOString().slice(0, 10);
}
