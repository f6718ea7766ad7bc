import { newsletterRoute } from "@/components/routes/newsletter-routes";

const route = newsletterRoute("de");
export const generateMetadata = route.generateMetadata;
export default route.Page;
