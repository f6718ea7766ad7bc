import { newsletterRoute } from "@/components/routes/newsletter-routes";

const route = newsletterRoute("en");
export const generateMetadata = route.generateMetadata;
export default route.Page;
