import readline from "node:readline/promises";
import { readIssueSource } from "@/lib/content/loader";
import { mailEnv, siteUrl as configuredSiteUrl } from "@/lib/config/env";
import { openStore } from "@/lib/db/open-store";
import { configuredBroadcaster, configuredMailer } from "@/lib/mail/configured-mailer";
import { renderIssueEmail } from "@/lib/newsletter/issue-email";
import {
  audiencesOf,
  broadcastName,
  draftIssueBroadcast,
  sendableIssue,
  SendRefusedError,
  sendIssueBroadcast,
  sendTestCopy,
} from "@/lib/newsletter/send-issue";
import { formatFields, guardMail, runScript, wantsHelp } from "./run";

const help = `Usage: npm run newsletter:send -- <slug> [--send [--yes]] [--test <address>]

  <slug>             an issue in content/newsletter/ (its file name without .mdx)
  (no option)        create the issue's broadcast to the newsletter segment as a draft, or
                     update the draft with the issue's current text; nothing is sent
  --send             then send it to every subscriber; asks first unless --yes
  --yes              do not ask (needed when not run in a terminal)
  --test <address>   send one copy to <address> only, as a normal email; nothing is recorded

An issue is sent once: the broadcast is named newsletter:<slug>, looked up in Resend before
anything is created or sent, and the send is recorded in the database. Drafts (draft: true in
the frontmatter) cannot be sent. Without RESEND_API_KEY the broadcast goes to OUTBOX_DIR.

Environment: the site's mail settings (RESEND_API_KEY, MAIL_FROM, RESEND_SEGMENT_ID, SITE_URL
for the links), DATABASE_URL or DATA_DIR.`;

type Options = { slug: string; send: boolean; yes: boolean; test?: string };

function parseArgs(args: string[]): Options | undefined {
  const options: Partial<Options> = { send: false, yes: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === "--send") options.send = true;
    else if (arg === "--yes" || arg === "-y") options.yes = true;
    else if (arg === "--test") {
      options.test = args[++index];
      if (!options.test) return undefined;
    } else if (arg.startsWith("-") || options.slug) return undefined;
    else options.slug = arg;
  }
  if (!options.slug || (options.test && options.send)) return undefined;
  return options as Options;
}

async function confirmed(question: string): Promise<boolean> {
  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (wantsHelp(args)) {
    console.log(help);
    return 0;
  }
  const options = parseArgs(args);
  if (!options) {
    console.error(help);
    return 2;
  }
  if (options.send && !options.yes && !process.stdin.isTTY) {
    console.error("error: --send asks for confirmation and this is not a terminal; add --yes to send.");
    return 2;
  }
  const siteUrl = configuredSiteUrl();
  const { mail } = mailEnv();
  try {
    const issue = sendableIssue(options.slug);
    const email = await renderIssueEmail(issue, readIssueSource(issue), {
      siteUrl,
      testCopy: options.test !== undefined,
    });

    if (options.test !== undefined) {
      const { id } = await sendTestCopy(configuredMailer(), {
        issue,
        email,
        from: mail.from,
        to: options.test,
      });
      console.log(
        formatFields([
          ["test copy", `"${email.subject}" to ${options.test}`],
          ["email id", id],
          ["via", mail.transport === "resend" ? "Resend (one email)" : `the outbox (${mail.outboxDir})`],
        ]),
      );
      return 0;
    }

    // Each audience is a send of its own (its segment, its broadcast, its row): an issue for
    // everyone goes to the English and the German readers alike, once each.
    const audiences = audiencesOf(issue).map((audience) => ({
      audience,
      broadcaster: configuredBroadcaster(audience),
    }));
    const missing = audiences.find(({ broadcaster }) => !broadcaster);
    if (missing) {
      throw new SendRefusedError(
        `"${issue.slug}" goes to the ${missing.audience} readers, who have no segment of their own: set RESEND_SEGMENT_ID_DE (docs/email.md), or mark the issue sendTo: everyone.`,
      );
    }
    const store = await openStore();
    try {
      // A broadcast "sent" into the outbox counts as sent for good: only where mail may go there.
      await guardMail(store);
      let answer = 0;
      for (const { audience, broadcaster } of audiences) {
        const services = {
          db: store.db,
          broadcaster: broadcaster!,
          from: mail.from,
          segmentId: (audience === "de" ? mail.germanSegmentId : mail.segmentId) ?? null,
          audience,
        };
        const draft = await draftIssueBroadcast(services, issue, email);
        const fields: [string, string][] = [
          ["issue", `${issue.title} (${issue.date})`],
          ["broadcast", `${broadcastName(issue.slug, audience)} (${draft.broadcastId})`],
          ["to", `${services.broadcaster.destination} (${audience} readers)`],
          ["draft", draft.action === "created" ? "created" : "updated with the current text"],
        ];
        if (!options.send) {
          console.log(formatFields([...fields, ["sent", "no: add --send to send it to every subscriber"]]));
          continue;
        }
        const question = `Send "${issue.title}" to ${services.broadcaster.destination} now?`;
        if (!options.yes && !(await confirmed(question))) {
          console.log(formatFields([...fields, ["sent", "no (not confirmed); the draft is kept"]]));
          answer = 1;
          continue;
        }
        await sendIssueBroadcast(services, issue);
        const sent =
          mail.transport === "resend"
            ? "yes: Resend is sending it to the segment"
            : "yes, in the outbox: marked sent there, nobody receives it";
        console.log(formatFields([...fields, ["sent", sent]]));
      }
      return answer;
    } finally {
      await store.close();
    }
  } catch (error) {
    if (!(error instanceof SendRefusedError)) throw error;
    console.error(`refused: ${error.message}`);
    return 1;
  }
}

runScript(main);
