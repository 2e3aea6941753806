// Limits of the tRPC API that its clients must respect too: the server refuses a batch larger than
// this (400), and the browser's batch link splits its batches at the same size.
export const MAX_BATCH_CALLS = 20;
