import { homeRoute } from "@/components/routes/content-routes";

const route = homeRoute("en");
export const generateMetadata = route.generateMetadata;
export default route.Page;
