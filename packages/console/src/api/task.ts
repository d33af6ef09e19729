import type { Ref } from "vue";

/** What a clerk is shown of a failure: its message (a ConsoleError's says what to do). */
export function failureText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Runs a page's work the way every page does: `error` is cleared first and shows the failure's
 * message; `busy`, when given, is true while the work runs.
 */
export async function runTask(
  error: Ref<string>,
  work: () => Promise<unknown>,
  busy?: Ref<boolean>,
): Promise<void> {
  if (busy) busy.value = true;
  error.value = "";
  try {
    await work();
  } catch (e) {
    error.value = failureText(e);
  } finally {
    if (busy) busy.value = false;
  }
}
