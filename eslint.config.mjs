import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * A "use client" module is bundled for the browser: it may name server types (they vanish at build
 * time) but never import server code that runs. The layering between folders is checked by
 * dependency-cruiser (.dependency-cruiser.cjs); this rule adds what it cannot see, the directive.
 */
const clientNeverImportsServer = {
  meta: { type: "problem", messages: { server: 'A "use client" module must not import server code ({{source}}); move what it needs to src/shared.' } },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
    if (!isClient) return {};
    const isServerPath = (source) => source.startsWith("@/server/") || source === "server-only" || (source.startsWith(".") && /(^|\/)server\//.test(source));
    const check = (node) => {
      if (node.importKind === "type" || node.exportKind === "type") return;
      if (node.specifiers?.length && node.specifiers.every((s) => s.importKind === "type")) return;
      const source = node.source?.value;
      if (typeof source === "string" && isServerPath(source)) context.report({ node, messageId: "server", data: { source } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "src/generated/**", ".data/**", "tmp/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { promptuary: { rules: { "client-never-imports-server": clientNeverImportsServer } } },
    rules: { "promptuary/client-never-imports-server": "error" },
  },
];

export default config;
