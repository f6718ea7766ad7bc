import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { OgCard } from "@/components/og-card";
import { formatDate } from "@/lib/content/format-date";
import { getIssue, publishedIssues } from "@/lib/content/loader";
import { siteConfig } from "@/lib/config/site-config";

export const alt = "A newsletter issue";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export function generateStaticParams() {
  return publishedIssues().map((issue) => ({ slug: issue.slug }));
}

export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const issue = getIssue((await params).slug);
  if (!issue) notFound();
  return new ImageResponse(
    <OgCard eyebrow={`Newsletter · ${formatDate(issue.date)}`} title={issue.title} brand={siteConfig.name} />,
    size,
  );
}
