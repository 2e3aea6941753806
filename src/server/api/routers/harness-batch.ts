// The harness router's procedures for batches: batch, batchStatus, cancel. Merged into `harness` by harness.ts.
export const harnessBatchProcedures = {};
