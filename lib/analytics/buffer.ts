import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { analyticsPageViews } from "@/lib/db/schema";

export type PageViewRow = typeof analyticsPageViews.$inferInsert;

/** How long events wait in memory before they are written together (docs/analytics.md). */
export const FLUSH_AFTER_MS = 1000;
/** A batch this large is written at once; beyond `MAX_BUFFERED` events are dropped until it is. */
const FLUSH_AT = 500;
const MAX_BUFFERED = 5000;

/** Page views waiting to be written, by view id: a view and its end in one batch make one row. */
let pending = new Map<string, PageViewRow>();
let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> = Promise.resolve();
let database: (() => Promise<Db>) | undefined;
let dropped = 0;

export function buffer(row: PageViewRow, db: () => Promise<Db>) {
  database = db;
  const earlier = pending.get(row.viewId);
  if (!earlier && pending.size >= MAX_BUFFERED) {
    dropped += 1;
    return;
  }
  // The view's first sighting keeps its time, path and source; later ones add what they measured.
  pending.set(row.viewId, earlier ? { ...earlier, ...defined(row), at: earlier.at, day: earlier.day } : row);
  if (pending.size >= FLUSH_AT) void flushEvents();
  else timer ??= setTimeout(() => void flushEvents(), FLUSH_AFTER_MS);
  timer?.unref?.();
}

const defined = (row: PageViewRow) =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as PageViewRow;

/**
 * Writes what is buffered in one statement (an upsert by view id: a view's end fills in the row
 * its start wrote, only for the same visitor hash). Batches run one after another. What is
 * buffered when the process dies is lost: at most the last second.
 */
export function flushEvents(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const batch = [...pending.values()];
  pending = new Map();
  if (batch.length === 0 || !database) return flushing;
  const db = database;
  flushing = flushing
    .then(() => writeBatch(db, batch))
    .catch((error: unknown) => {
      console.error(
        `[analytics] ${batch.length} events not written:`,
        error instanceof Error ? error.name : "error",
      );
    });
  return flushing;
}

/** Resolves once everything buffered now is written: what `after()` waits for on a serverless host. */
export function eventsWritten(): Promise<void> {
  return new Promise((resolve) => {
    const wait = () =>
      pending.size > 0 ? setTimeout(wait, FLUSH_AFTER_MS / 4) : flushing.then(() => resolve());
    wait();
  });
}

/** Events dropped because the buffer was full, since the process started (for the bench). */
export const droppedEvents = () => dropped;

async function writeBatch(db: () => Promise<Db>, rows: PageViewRow[]) {
  const handle = await db();
  const t = analyticsPageViews;
  const take = (column: string) => sql.raw(`coalesce(excluded.${column}, "analytics_page_views".${column})`);
  await handle
    .insert(t)
    .values(rows)
    .onConflictDoUpdate({
      target: t.viewId,
      set: {
        durationMs: take("duration_ms"),
        lcpMs: take("lcp_ms"),
        inpMs: take("inp_ms"),
        cls: take("cls"),
        fcpMs: take("fcp_ms"),
        ttfbMs: take("ttfb_ms"),
      },
      setWhere: sql`"analytics_page_views".visitor = excluded.visitor`,
    });
}
