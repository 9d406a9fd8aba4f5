/** An error whose message is written for the person who caused it and may be shown to them as is. */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}
