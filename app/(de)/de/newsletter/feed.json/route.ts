import { feedRoute } from "@/components/routes/newsletter-routes";

export const dynamic = "force-static";
export const GET = feedRoute("de", "json");
