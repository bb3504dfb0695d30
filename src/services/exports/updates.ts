import { db } from '../../db.ts';
import type { AppPubSub } from '../events/event-bus.ts';
import type { ExportJobEvent } from '../events/topics.ts';

/** How often the stream looks at the row itself, in case an event was lost (Redis hiccup, a subscription made mid-publish). */
const RECHECK_MS = 5_000;

const TERMINAL = new Set(['COMPLETED', 'FAILED']);

/**
 * The export's current state, then each change: events on `exportJob:updated` wake the stream,
 * which re-reads the row and passes it on when status or progress moved (events only carry the
 * id). Listening starts before the first read, so no change between the two is missed; the
 * stream ends after a terminal state or when the export is gone.
 */
export async function* exportJobUpdates(pubsub: AppPubSub, exportJobId: string, recheckMs = RECHECK_MS): AsyncGenerator<ExportJobEvent> {
  const live = pubsub.subscribe('exportJob:updated', exportJobId)[Symbol.asyncIterator]();
  let next = live.next();
  let timer: NodeJS.Timeout | undefined;
  try {
    let seen = '';
    for (;;) {
      const job = await db().exportJob.findUnique({ where: { id: exportJobId }, select: { status: true, progress: true, rowCount: true, totalRows: true } });
      if (!job) return;
      const state = `${job.status}:${job.progress}:${job.rowCount}:${job.totalRows}`;
      if (state !== seen) {
        seen = state;
        yield { exportJobId };
      }
      if (TERMINAL.has(job.status)) return;
      const woken = await Promise.race([
        next.then((result) => (result.done ? 'ended' : 'event')),
        new Promise<'recheck'>((resolve) => {
          timer = setTimeout(() => resolve('recheck'), recheckMs).unref();
        }),
      ]);
      clearTimeout(timer);
      if (woken === 'ended') return;
      if (woken === 'event') next = live.next();
    }
  } finally {
    clearTimeout(timer);
    await live.return?.();
  }
}
