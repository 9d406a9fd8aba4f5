// Limits on a response's text, shared by the form (live counter) and the server (validation).
export const RESPONSE_MIN = 10;
export const RESPONSE_MAX = 5000;
