// The harness router's procedures for the provider and model catalogue. Merged into `harness` by harness.ts.
export const harnessCatalogueProcedures = {};
