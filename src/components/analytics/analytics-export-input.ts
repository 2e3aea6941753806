// What a chart's "Download CSV" sends: the API's own input type, so a change there fails here.
import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type AnalyticsExportInput = inferRouterInputs<AppRouter>["analytics"]["export"];
