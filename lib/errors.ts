/**
 * An error whose message is written for the person who caused it and may be shown to them as is,
 * with the HTTP status that describes it (400 bad input, 403 not allowed, 404 missing, 409 conflict).
 */
export class UserFacingError extends Error {
  override name = "UserFacingError";
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 413 | 429 = 400,
  ) {
    super(message);
  }
}
