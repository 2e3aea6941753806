// The harness router's procedures for evidence on listings: attachEvidence. Merged into `harness` by harness.ts.
export const harnessEvidenceProcedures = {};
