import { serve } from "inngest/next";
import { inngest } from "@/server/jobs/inngest-client";
import { functions } from "~/inngest/functions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
