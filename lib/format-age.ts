/** "just now", "5 minutes ago", "3 hours ago", "2 days ago"; a date after 30 days. */
export function formatAge(date: Date, now = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"} ago`;
  if (seconds < 60) return "just now";
  if (seconds < 3600) return plural(Math.floor(seconds / 60), "minute");
  if (seconds < 86400) return plural(Math.floor(seconds / 3600), "hour");
  if (seconds < 30 * 86400) return plural(Math.floor(seconds / 86400), "day");
  return date.toISOString().slice(0, 10);
}
