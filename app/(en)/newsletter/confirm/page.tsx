import { confirmRoute } from "@/components/routes/confirm-route";

const route = confirmRoute("en");
export const metadata = route.metadata;
export default route.Page;
