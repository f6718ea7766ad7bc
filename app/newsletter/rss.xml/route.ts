import { issueFeed } from "@/lib/content/feeds";
import { publishedIssues } from "@/lib/content/loader";
import { siteUrl } from "@/lib/config/env";

export const dynamic = "force-static";

export function GET() {
  return new Response(issueFeed(publishedIssues(), siteUrl()).rss2(), {
    headers: { "content-type": "application/rss+xml; charset=utf-8" },
  });
}
