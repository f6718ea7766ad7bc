// The newsletter's issues as readers find them (the archive, each issue, the feeds) and as the
// coach sends them (`npm run newsletter:send` beside the running site, against the fake Resend).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { XMLParser } from "fast-xml-parser";
import { newsletterPitch } from "./words";
import { publishedIssues, readIssueSource } from "@/lib/content/loader";
import { e2eMailEnv, fakeResendURL } from "../../playwright.config";
import { expect, seriousA11yViolations, test } from "./fixtures";

const issues = publishedIssues();
const [newest] = issues;
const oldest = issues.at(-1)!;

/** A sentence of the issue's body as its MDX has it (the first plain paragraph). */
function firstParagraph(slug: string): string {
  const issue = issues.find((each) => each.slug === slug)!;
  const body = readIssueSource(issue).replace(/^---[\s\S]*?---/, "");
  return body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => /^[A-Z"“]/.test(block) && !/[*[\]_`]/.test(block))!
    .split(/(?<=[.?!])\s/)[0]!;
}

test.describe("the archive", () => {
  test("keeps the signup at the top and lists every published issue below it, newest first", async ({
    page,
  }) => {
    await page.goto("/newsletter");
    const main = page.getByRole("main");
    const signup = main.getByRole("region", { name: "Newsletter signup" });
    const archive = main.getByRole("region", { name: "Past issues" });
    await expect(signup).toBeVisible();
    expect((await signup.boundingBox())!.y).toBeLessThan((await archive.boundingBox())!.y);

    const titles = archive.getByRole("heading", { level: 3 });
    await expect(titles).toHaveText(issues.map((issue) => issue.title));
    for (const issue of issues) {
      await expect(archive.getByRole("link", { name: issue.title })).toHaveAttribute("href", issue.href);
      await expect(archive.locator(`time[datetime="${issue.date}"]`).first()).toBeVisible();
      await expect(archive).toContainText(issue.summary);
    }
  });

  test("links the three feeds, each answering with its type", async ({ page, request }) => {
    await page.goto("/newsletter");
    const archive = page.getByRole("main").getByRole("region", { name: "Past issues" });
    const types: Record<string, RegExp> = {
      RSS: /application\/rss\+xml/,
      Atom: /application\/atom\+xml/,
      "JSON Feed": /application\/feed\+json/,
    };
    for (const [name, type] of Object.entries(types)) {
      const href = await archive.getByRole("link", { name, exact: true }).getAttribute("href");
      const response = await request.get(href!);
      expect(response.status(), name).toBe(200);
      expect(response.headers()["content-type"], name).toMatch(type);
    }
  });

  test("the RSS feed lists exactly the published issues", async ({ request }) => {
    const rss = new XMLParser().parse(await (await request.get("/newsletter/rss.xml")).text()) as {
      rss: { channel: { item: { title: string; link: string }[] | { title: string; link: string } } };
    };
    const items = [rss.rss.channel.item].flat();
    expect(items.map((item) => new URL(item.link).pathname)).toEqual(issues.map((issue) => issue.href));
  });
});

test.describe("an issue page", () => {
  test("shows the issue, the way to the issues either side, then its own signup", async ({ page }) => {
    await page.goto(oldest.href);
    const main = page.getByRole("main");
    const article = main.getByRole("article");
    await expect(article.getByRole("heading", { level: 1 })).toHaveText(oldest.title);
    await expect(article.locator(`time[datetime="${oldest.date}"]`)).toBeVisible();
    await expect(article).toContainText(firstParagraph(oldest.slug));

    const more = main.getByRole("navigation", { name: "More issues" });
    if (issues.length > 1) {
      await expect(more.locator('a[rel="next"]')).toHaveAttribute("href", issues.at(-2)!.href);
    }
    await more.getByRole("link", { name: "All issues" }).click();
    await expect(page).toHaveURL(/\/newsletter$/);

    await page.goto(newest!.href);
    const signup = page.getByRole("main").getByRole("region", { name: "Get the next issue by email" });
    await expect(signup.getByRole("button", { name: "Subscribe" })).toBeVisible();
    const band = page.getByRole("contentinfo").getByRole("region", { name: newsletterPitch() });
    await expect(band).toHaveCount(1);
    expect((await page.getByRole("main").getByRole("article").boundingBox())!.y).toBeLessThan(
      (await signup.boundingBox())!.y,
    );
    if (issues.length > 1) {
      await expect(page.locator('a[rel="prev"]')).toHaveAttribute("href", issues[1]!.href);
    }
  });

  test("describes itself as an Article by the coach", async ({ page }) => {
    await page.goto(newest!.href);
    const data = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
      (json) => JSON.parse(json) as { "@type"?: string; headline?: string; datePublished?: string },
    );
    expect(data.find((node) => node["@type"] === "Article")).toMatchObject({
      headline: newest!.title,
      datePublished: newest!.date,
    });
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  });

  test("is 404 for a slug that is not a published issue", async ({ request }) => {
    expect((await request.get("/newsletter/no-such-issue")).status()).toBe(404);
  });

  for (const path of ["/newsletter", ...issues.map((issue) => issue.href)]) {
    test(`${path} has no serious accessibility violations, light and dark`, async ({ page }) => {
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        expect(await seriousA11yViolations(page), colorScheme).toEqual([]);
      }
    });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const issue of [oldest, publishedIssues("de").at(-1)!]) {
    test(`${issue.href} leads from its header down to its signup, on a phone`, async ({ page }) => {
      await page.setViewportSize({ width: 412, height: 823 });
      await page.goto(issue.href);
      const link = page.getByRole("article").locator('header a[href^="#"]');
      await expect(link).toHaveCount(1);
      const signup = page.locator(`[id="${(await link.getAttribute("href"))!.slice(1)}"]`);
      const email = signup.getByRole("textbox", { name: /e-?mail/i });
      await expect(email).not.toBeInViewport();
      await link.click();
      await expect(signup.getByRole("heading", { level: 2 })).toBeInViewport();
      await expect(email).toBeInViewport();
    });
  }

  test("the archive and every issue can be read", async ({ page }) => {
    await page.goto("/newsletter");
    await page.getByRole("link", { name: oldest.title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(oldest.title);
    for (const issue of issues) {
      await page.goto(issue.href);
      await expect(page.getByRole("article")).toContainText(firstParagraph(issue.slug));
    }
  });
});

type Broadcast = { id: string; name: string; segment_id: string; status: string; html: string; text: string };

const control = async (path: string, body?: unknown) => {
  const response = await fetch(`${fakeResendURL}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json() as Promise<unknown>;
};
const broadcasts = () => control("/__broadcasts") as Promise<Broadcast[]>;

/** `npm run newsletter:send` as the coach runs it, beside the running site; never throws. */
async function newsletterSend(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      "npm",
      ["run", "--silent", "newsletter:send", "--", ...args],
      {
        env: { ...process.env, ...e2eMailEnv },
        timeout: 90_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test.describe("npm run newsletter:send", () => {
  test.describe.configure({ timeout: 180_000 });

  test("drafts the broadcast for the segment, sends it once with --send, and refuses a second send", async () => {
    await control("/__reset", {});
    const slug = oldest.slug;

    const draft = await newsletterSend(slug);
    expect(draft.code, draft.stderr).toBe(0);
    let recorded = await broadcasts();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      name: `newsletter:${slug}`,
      segment_id: e2eMailEnv.RESEND_SEGMENT_ID,
      status: "draft",
    });
    expect(recorded[0]!.html).toContain("{{{RESEND_UNSUBSCRIBE_URL}}}");
    expect(recorded[0]!.html).toContain(`${e2eMailEnv.SITE_URL}${oldest.href}`);
    expect(recorded[0]!.html).not.toMatch(/<script/i);

    const testCopy = await newsletterSend(slug, "--test", "coach@example.com");
    expect(testCopy.code, testCopy.stderr).toBe(0);
    const emails = (await control("/__emails")) as { to: string[]; html: string }[];
    expect(emails.map((email) => email.to)).toEqual([["coach@example.com"]]);
    expect(emails[0]!.html).not.toContain("RESEND_UNSUBSCRIBE_URL");

    const sent = await newsletterSend(slug, "--send", "--yes");
    expect(sent.code, sent.stderr).toBe(0);
    recorded = await broadcasts();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.status).toBe("sent");

    const again = await newsletterSend(slug, "--send", "--yes");
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already sent/i);
    const sends = ((await control("/__requests")) as { method: string; path: string }[]).filter((request) =>
      request.path.endsWith("/send"),
    );
    expect(sends).toHaveLength(1);
  });

  test("refuses an issue whose broadcast Resend already sent from elsewhere", async () => {
    test.skip(issues.length < 2, "needs a second issue");
    await control("/__reset", {});
    const slug = newest!.slug;
    await control("/__broadcasts", {
      name: `newsletter:${slug}`,
      segment_id: e2eMailEnv.RESEND_SEGMENT_ID,
      status: "sent",
    });
    const result = await newsletterSend(slug, "--send", "--yes");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already sent/i);
    expect(await broadcasts()).toHaveLength(1);
  });

  test("asks before sending and refuses to guess when it cannot ask", async () => {
    const result = await newsletterSend(oldest.slug, "--send");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--yes/);
  });
});
