import { z } from "zod";

/** Schema of a record id: non-empty text without surrounding space, at most 64 characters. */
export const idSchema = z
  .string({ error: "must be an id (text)" })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(64, { error: "must be at most 64 characters" });
