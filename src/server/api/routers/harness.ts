// The test harness: run a prompt version against several models side by side, batches, suggested
// rewrites and evidence on listings. One router assembled from one file per concern.
import { createTRPCRouter } from "../trpc";
import { harnessBatchProcedures } from "./harness-batch";
import { harnessCatalogueProcedures } from "./harness-catalogue";
import { harnessEvidenceProcedures } from "./harness-evidence";
import { harnessRunProcedures } from "./harness-run";
import { harnessSuggestProcedures } from "./harness-suggest";

export const harnessRouter = createTRPCRouter({
  ...harnessCatalogueProcedures,
  ...harnessRunProcedures,
  ...harnessBatchProcedures,
  ...harnessSuggestProcedures,
  ...harnessEvidenceProcedures,
});
