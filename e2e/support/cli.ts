// `npm run cli` against the e2e server's data directory (the embedded database it serves).
import { execFileSync } from "node:child_process";

export const cli = (...args: string[]) =>
  execFileSync("npx", ["tsx", "scripts/cli.ts", ...args], { env: { ...process.env, DATA_DIR: ".e2e-data" }, encoding: "utf8" }).trim();
