"use server";

import { publicAction } from "@/lib/auth/actions";
import { confirmEmailLink } from "@/lib/accounts/email-address";
import { ZUseEmailLink } from "@/lib/accounts/schemas";

/** Anyone holding the mailed link may use it (the link is the proof); signed in or not. */
export const confirmEmailLinkAction = publicAction({ schema: ZUseEmailLink }, ({ token }) => confirmEmailLink(token));
