// The list of background functions, handed to the Inngest serve route and to the in-process runner
// by the composition root (never imported by domain code or by send-event).
import type { InngestFunction } from "inngest";
import { analyticsRollup } from "./analytics-rollup";
import { deliverWebhook } from "./deliver-webhook";
import { deliverWebhookSweep } from "./deliver-webhook-sweep";
import { captureIdentify } from "./capture-identify";
import { captureIdentifySweep } from "./capture-identify-sweep";
import { harnessBatch } from "./harness-batch";
import { harnessBatchResume } from "./harness-batch-resume";
import { promptEmbed } from "./prompt-embed";
import { embeddingsReembed } from "./embeddings-reembed";
import { templateRecluster } from "./template-recluster";
import { templateReclusterSchedule } from "./template-recluster-schedule";

export const functions: InngestFunction.Any[] = [captureIdentify, captureIdentifySweep, harnessBatch, harnessBatchResume, promptEmbed, embeddingsReembed, templateRecluster, templateReclusterSchedule, analyticsRollup, deliverWebhook, deliverWebhookSweep];
