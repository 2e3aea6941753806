// The harness router's procedures for runs: run, get, stream, list. Merged into `harness` by harness.ts.
export const harnessRunProcedures = {};
