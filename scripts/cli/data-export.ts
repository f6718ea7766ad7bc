import { openStore } from "@/lib/db/open-store";
import { EMAIL_MAX_LENGTH } from "@/lib/forms/email-field";
import { exportPersonalData } from "@/lib/privacy/personal-data";
import { runScript, wantsHelp } from "./run";

const help = `Usage: npm run data:export -- <address>

Prints, as JSON, everything the site's store holds about an email address: inquiries sent from
it, newsletter signups, the subscription and its consent records. For a request to access
(Art. 15 GDPR); send the person the output. Works while the site runs and without it.

Environment: DATABASE_URL, DATA_DIR.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (wantsHelp(args) || args.length !== 1 || !args[0]!.includes("@") || args[0]!.length > EMAIL_MAX_LENGTH) {
    console.log(help);
    return wantsHelp(args) ? 0 : 2;
  }
  const store = await openStore();
  try {
    console.log(JSON.stringify(await exportPersonalData(store.db, args[0]!), null, 2));
    return 0;
  } finally {
    await store.close();
  }
}

runScript(main);
