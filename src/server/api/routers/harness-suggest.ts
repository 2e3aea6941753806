// The harness router's procedures for suggested rewrites. Merged into `harness` by harness.ts.
export const harnessSuggestProcedures = {};
