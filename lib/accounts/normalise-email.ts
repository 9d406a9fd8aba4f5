/** Emails are stored trimmed and lower-cased, so uniqueness and look-ups ignore case. */
export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}
