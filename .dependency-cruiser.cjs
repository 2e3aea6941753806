// The layering of the code base, checked by `npm run lint` (dependency-cruiser). ARCHITECTURE.md
// explains each layer; scripts/ci/layering-catches-violations.ts proves a bad import fails it.
// Folder cycles inside src/server/domain are checked by .dependency-cruiser.domain.cjs.
//
//   app ──► components ──► shared          (pages compose UI; UI uses only client-safe code)
//   app/api, routers, boot ──► domain ──► db
//   inngest/ (job functions) ──► domain, jobs
//
// Type-only imports are allowed across layers (they vanish at build time): a client component
// may name the API's types (AppRouter), never import server code that runs.
const notTypeOnly = { dependencyTypesNot: ["type-only"] };

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "shared-is-pure",
      comment: "src/shared is client-safe code both sides import: it depends on nothing of the app.",
      severity: "error",
      from: { path: "^src/shared/" },
      to: { path: "^(src/(app|components|server|trpc)|inngest)/" },
    },
    {
      name: "components-stay-ui",
      comment: "Shared UI gets data through props or the tRPC client, never from server code.",
      severity: "error",
      from: { path: "^src/components/" },
      to: { path: "^(src/(app|server)|inngest)/", ...notTypeOnly },
    },
    {
      name: "pages-reach-the-server-through-its-doors",
      comment:
        "Pages (not route handlers) use the server through src/trpc (the tRPC caller) and src/server/auth; they never query the database or call domain code directly.",
      severity: "error",
      from: { path: "^src/app/", pathNot: "^src/app/api/" },
      to: { path: "^(src/server/(?!auth/|http/)|inngest/)", ...notTypeOnly },
    },
    {
      name: "domain-below-its-callers",
      comment: "Domain code is called by routers, route handlers, jobs and boot code; it never imports them or the UI.",
      severity: "error",
      from: { path: "^src/server/domain/" },
      to: { path: "^(src/(app|components|trpc|server/api|server/boot|server/auth)|inngest)/" },
    },
    {
      name: "db-below-domain",
      comment: "The database layer knows nothing of the domain or anything above it.",
      severity: "error",
      from: { path: "^src/server/db/" },
      to: { path: "^(src/(app|components|trpc|server/(api|domain|boot|auth|jobs|proxy|recording))|inngest)/" },
    },
    {
      name: "routers-stay-thin",
      comment: "Routers validate input and call one domain function: no database client, no Prisma.",
      severity: "error",
      from: { path: "^src/server/api/routers/" },
      to: { path: "^src/(server/db/|generated/)", ...notTypeOnly },
    },
    {
      name: "server-never-imports-job-functions",
      comment: "src/server sends events through src/server/jobs; the functions in inngest/ are adapters above it.",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^inngest/" },
    },
    {
      name: "proxy-knows-nothing-of-recording",
      comment: "The capture proxy forwards and hands each exchange to a hook; the composition root wires recording.",
      severity: "error",
      from: { path: "^src/server/proxy/" },
      to: { path: "^src/server/(recording|domain|jobs|db|boot)/" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "src/generated"] },
    exclude: { path: ["\\.next/", "node_modules/", "src/generated/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    combinedDependencies: false,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
  },
};
