import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { e2eMailEnv } from "../../playwright.config";

/**
 * `npm run <script> -- <args>` as the coach runs it, beside the running site (it reaches the
 * embedded store through the owner's lock file). Resolves with stdout; a non-zero exit rejects.
 */
export async function runCommand(script: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)("npm", ["run", "--silent", script, "--", ...args], {
    env: { ...process.env, ...e2eMailEnv, DATABASE_URL: "" },
    timeout: 90_000,
  });
  return stdout;
}
