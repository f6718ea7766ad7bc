import fs from "node:fs/promises";
import path from "node:path";
import { readIssueSource } from "@/lib/content/loader";
import { mailEnv, siteEnv } from "@/lib/config/env";
import { renderIssueEmail } from "@/lib/newsletter/issue-email";
import { sendableIssue, SendRefusedError } from "@/lib/newsletter/send-issue";
import { formatFields, runScript, wantsHelp } from "./run";

const help = `Usage: npm run newsletter:preview -- <slug> [--out <file>]

Renders the issue content/newsletter/<slug>.mdx as the email subscribers get and writes its
HTML to a file to open in a browser (default: OUTBOX_DIR/previews/<slug>.html), and the plain
text beside it. Sends nothing. Links point at SITE_URL.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (wantsHelp(args)) {
    console.log(help);
    return 0;
  }
  const outAt = args.indexOf("--out");
  const out = outAt === -1 ? undefined : args[outAt + 1];
  const rest = outAt === -1 ? args : args.filter((_, index) => index !== outAt && index !== outAt + 1);
  if (rest.length !== 1 || rest[0]!.startsWith("-") || (outAt !== -1 && !out)) {
    console.error(help);
    return 2;
  }
  const env = { ...siteEnv(), ...mailEnv() };
  try {
    const issue = sendableIssue(rest[0]!);
    const email = await renderIssueEmail(issue, readIssueSource(issue), { siteUrl: env.siteUrl });
    const outboxDir = env.mail.transport === "outbox" ? env.mail.outboxDir : ".outbox";
    const file = path.resolve(out ?? path.join(outboxDir, "previews", `${issue.slug}.html`));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, email.html);
    await fs.writeFile(file.replace(/\.html?$/, "") + ".txt", email.text);
    console.log(
      formatFields([
        ["subject", email.subject],
        ["html", file],
        ["text", `${file.replace(/\.html?$/, "")}.txt`],
      ]),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof SendRefusedError)) throw error;
    console.error(`refused: ${error.message}`);
    return 1;
  }
}

runScript(main);
