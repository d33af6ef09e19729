import type PgBoss from "pg-boss";

/** A queue being worked by `pollQueue`; `stop` lets the job in hand finish. */
export interface QueuePoller {
  stop(): Promise<void>;
}

/** What a failed job keeps as its output in pg-boss: the error's name and message. */
function failure(e: unknown): object {
  return e instanceof Error ? { name: e.name, message: e.message } : { message: String(e) };
}

/**
 * Works a pg-boss queue one job at a time: fetch (pg-boss's own query, so singleton keys, retries and
 * expiry hold), run `handle`, then complete or fail the job — awaited. pg-boss 10's `work` completes
 * and fails jobs without awaiting them, so a database that goes down while a job runs leaves an
 * unhandled rejection that ends the process; here such an error goes to `onError` and the job stays
 * active in the database until pg-boss expires it and retries it.
 */
export function pollQueue<T extends object>(
  boss: PgBoss,
  queue: string,
  pollingIntervalSeconds: number,
  handle: (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>,
  onError: (e: unknown) => void,
): QueuePoller {
  let stopped = false;
  let wake: () => void = () => undefined;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0.2, pollingIntervalSeconds) * 1000);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const next = async (): Promise<PgBoss.JobWithMetadata<T> | undefined> => {
    try {
      const [job] = await boss.fetch<T>(queue, { batchSize: 1, includeMetadata: true });
      return job;
    } catch (e) {
      onError(e);
      return undefined;
    }
  };
  const loop = (async () => {
    while (!stopped) {
      const job = await next();
      if (!job) {
        await pause();
        continue;
      }
      try {
        await handle(job);
        await boss.complete(queue, job.id).catch(onError);
      } catch (e) {
        await boss.fail(queue, job.id, failure(e)).catch(onError);
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
    },
  };
}
