// Sealing secrets at rest lives in domain/secret-box.ts (a root file, at the bottom of the domain's
// graph) so webhooks, which versions and marketplace emit through, can seal theirs too.
export * from "../secret-box";
