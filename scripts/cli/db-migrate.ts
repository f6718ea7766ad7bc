import { openStore } from "@/lib/db/open-store";
import { formatFields, runScript, wantsHelp } from "./run";

const help = `Usage: npm run db:migrate

Applies the committed migrations in lib/db/migrations/ that the store has not had yet (the
site also does this when it starts). Safe to run while the site runs, and more than once.

Environment: DATABASE_URL, or DATA_DIR for the embedded store.`;

async function main(): Promise<number> {
  if (wantsHelp(process.argv.slice(2))) {
    console.log(help);
    return 0;
  }
  const store = await openStore();
  try {
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
  } finally {
    await store.close();
  }
}

runScript(main);
