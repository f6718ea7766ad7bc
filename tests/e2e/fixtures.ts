import { randomInt } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { fakeResendURL } from "../../playwright.config";
import { freshInquiry } from "./inquiry-form";

export type RecordedEmail = {
  id: string;
  from: string;
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  reply_to?: string | string[];
  idempotencyKey?: string;
  tags?: { name: string; value: string }[];
};

export type RecordedContact = {
  id: string;
  email: string;
  firstName?: string;
  unsubscribed: boolean;
  properties: Record<string, string>;
  segments: string[];
};

export type RecordedRequest = {
  method: string;
  path: string;
  status: number;
  idempotencyKey?: string;
};

type FailureSpec = {
  status: number;
  times?: number;
  path?: string;
  method?: string;
  networkError?: boolean;
  /** Accept the request and never answer it. */
  hang?: boolean;
};

async function control(path: string, body?: unknown) {
  const response = await fetch(`${fakeResendURL}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake Resend ${path} answered ${response.status}`);
  return response.headers.get("content-type")?.includes("json") ? response.json() : response.text();
}

/** Drives the fake Resend server that `next start` sends to during the tests. */
export const fakeResend = {
  reset: () => control("/__reset", {}),
  /**
   * What the site sent, except the coach's daily digest: the site's worker sends that on its own
   * timer whenever an earlier test left a held inquiry, at any moment of a later test.
   */
  emails: async () =>
    ((await control("/__emails")) as RecordedEmail[]).filter(
      (email) => !email.tags?.some((tag) => tag.name === "category" && tag.value === "daily-digest"),
    ),
  contacts: () => control("/__contacts") as Promise<RecordedContact[]>,
  requests: () => control("/__requests") as Promise<RecordedRequest[]>,
  fail: (spec: FailureSpec) => control("/__fail", spec),
  delay: (ms: number) => control("/__delay", { ms }),
  /** Every later call fails (or hangs) until `recover`. */
  down: (spec: Omit<FailureSpec, "times">) => control("/__fail", { ...spec, times: Number.MAX_SAFE_INTEGER }),
  /** Stops every injected failure and delay, keeping what was recorded; hung calls are dropped. */
  recover: () => control("/__recover", {}),
};

export const test = base.extend<{ clientIp: string }>({
  // Each test comes from its own address, so the per-IP rate limit of one test never trips another.
  clientIp: async ({}, provide) => {
    await provide(
      `198.51.100.${randomInt(1, 255)}, 10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}`,
    );
  },
  extraHTTPHeaders: async ({ clientIp }, provide) => {
    await provide({ "x-forwarded-for": clientIp });
  },
  page: async ({ page, javaScriptEnabled }, provide) => {
    await fakeResend.reset();
    freshInquiry();
    if (javaScriptEnabled) {
      // Pages hydrate on the reader's first interaction (scripts/build/post-build.mjs). Tests of
      // what the hydrated forms do start once they are hydrated, after a first keystroke.
      const goto = page.goto.bind(page);
      page.goto = async (...args) => {
        const response = await goto(...args);
        await page.keyboard.press("Shift");
        await waitForHydration(page);
        return response;
      };
    }
    await provide(page);
  },
});

/** In the page: whether React has attached to every form (true on a page without forms). */
export const hydrated = () =>
  [...document.forms].every((form) => Object.keys(form).some((key) => key.startsWith("__reactProps$")));

/** Waits until React has attached to the page's forms (pages without forms return at once). */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(hydrated);
}

export { expect };

/**
 * axe with WCAG 2.1 A/AA rules; returns what would block or seriously hinder someone, and
 * landmarks of one role sharing a name (a screen reader cannot tell them apart).
 */
export async function seriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter(
      (violation) =>
        violation.impact === "serious" ||
        violation.impact === "critical" ||
        violation.id === "landmark-unique",
    )
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

/** The site's paths, read from the sitemap the way a crawler would find them. */
export async function sitemapPaths(request: import("@playwright/test").APIRequestContext): Promise<string[]> {
  const xml = await (await request.get("/sitemap.xml")).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}
