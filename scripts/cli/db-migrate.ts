import { formatFields, runStoreCommand } from "./run";

const help = `Usage: npm run db:migrate

Applies the committed migrations in lib/db/migrations/ that the store has not had yet (the
site also does this when it starts). Safe to run while the site runs, and more than once.

Environment: DATABASE_URL, or DATA_DIR for the embedded store.`;

runStoreCommand(help, async (store) => {
  const { rows } = await store.pool.query<{ count: number; last: string | null }>(
    "select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations",
  );
  const applied = rows[0]!;
  console.log(
    formatFields([
      ["store", store.describe],
      ["migrations applied", String(applied.count)],
      ["newest migration", applied.last ? new Date(Number(applied.last)).toISOString() : "-"],
    ]),
  );
  return 0;
});
