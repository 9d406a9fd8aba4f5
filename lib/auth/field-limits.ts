// Lengths the forms enforce as people type; light enough for the browser (./sign-up-schema.ts is not).
export const NAME_MAX_LENGTH = 50;
export const EMAIL_MAX_LENGTH = 254;
