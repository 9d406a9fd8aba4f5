"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/actions";
import { addFeed, fetchFeedNow, removeFeed } from "@/lib/feeds/feed-commands";
import { addFeedSchema, feedIdSchema } from "@/lib/feeds/schemas";
import { canEditArticles } from "@/lib/policy";

const editorOnly = { can: canEditArticles, forbidden: "Only editors can follow feeds." };

export const addFeedAction = authorizedAction({ ...editorOnly, schema: addFeedSchema }, async (input, user) => {
  await addFeed(user, input);
  revalidatePath("/editor/feeds");
});

export const fetchFeedNowAction = authorizedAction({ ...editorOnly, schema: feedIdSchema }, async ({ feedId }, user) => {
  await fetchFeedNow(user, feedId);
  revalidatePath("/editor/feeds");
});

export const removeFeedAction = authorizedAction({ ...editorOnly, schema: feedIdSchema }, async ({ feedId }, user) => {
  await removeFeed(user, feedId);
  revalidatePath("/editor/feeds");
});
