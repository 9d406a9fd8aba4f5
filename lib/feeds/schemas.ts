// Every input of editors' feeds, one zod schema each (the server actions and the commands' types).
import { z } from "@/lib/zod";
import { idSchema } from "@/lib/debate/schemas";

export const addFeedSchema = z.object({
  url: z
    .string({ error: "Give the feed's address." })
    .trim()
    .min(1, "Give the feed's address.")
    .max(2000, "That address is too long.")
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "Give the feed's address, starting with https:// or http://."),
  intervalMinutes: z.number().int().min(15, "Fetch at most every 15 minutes.").max(1440, "Fetch at least once a day.").default(60),
});

export const feedIdSchema = z.object({ feedId: idSchema });
