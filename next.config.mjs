/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite's WASM and its extensions must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
