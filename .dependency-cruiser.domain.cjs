// The folders of src/server/domain form a layered graph (see ARCHITECTURE.md): a loop between two of
// them means a concept sits in the wrong folder. Checked by `npm run lint` with dependency-cruiser's
// folder-scoped cycle rule, over the domain's subfolders only (tests excluded: they may reach across).

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-domain-folder-cycles",
      severity: "error",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: "^src/server/domain/[^/]+/",
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
