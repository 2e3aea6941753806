// Proves the layering checks bite: writes one deliberately bad import per rule into a probe file in
// the folder the rule guards, runs the same check `npm run lint` runs, and expects it to fail naming
// that rule. Probe files are removed afterwards, also on failure. Run by .ci/run after the lint step.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

type Probe = { rule: string; file: string; source: string; check: "depcruise" | "depcruise-domain" | "eslint" };

const probes: Probe[] = [
  { rule: "shared-is-pure", file: "src/shared/zz-layering-probe.ts", source: `import { getDb } from "@/server/db/client";\nexport const probe = getDb;\n`, check: "depcruise" },
  { rule: "components-stay-ui", file: "src/components/zz-layering-probe.tsx", source: `import { getDb } from "@/server/db/client";\nexport const probe = getDb;\n`, check: "depcruise" },
  { rule: "pages-reach-the-server-through-its-doors", file: "src/app/zz-layering-probe/page.tsx", source: `import { getDb } from "@/server/db/client";\nexport default function Probe() { return String(getDb); }\n`, check: "depcruise" },
  { rule: "domain-below-its-callers", file: "src/server/domain/zz-layering-probe.ts", source: `import { appRouter } from "@/server/api/root";\nexport const probe = appRouter;\n`, check: "depcruise" },
  { rule: "db-below-domain", file: "src/server/db/zz-layering-probe.ts", source: `import { createPrompt } from "@/server/domain/prompts/create-prompt";\nexport const probe = createPrompt;\n`, check: "depcruise" },
  { rule: "routers-stay-thin", file: "src/server/api/routers/zz-layering-probe.ts", source: `import { getDb } from "@/server/db/client";\nexport const probe = getDb;\n`, check: "depcruise" },
  { rule: "server-never-imports-job-functions", file: "src/server/zz-layering-probe.ts", source: `import { functions } from "~/inngest/functions";\nexport const probe = functions;\n`, check: "depcruise" },
  { rule: "proxy-knows-nothing-of-recording", file: "src/server/proxy/zz-layering-probe.ts", source: `import { getDb } from "@/server/db/client";\nexport const probe = getDb;\n`, check: "depcruise" },
  { rule: "no-domain-folder-cycles", file: "src/server/domain/access/zz-layering-probe.ts", source: `import { averageOf } from "../prompts/prompt-queries";\nexport const probe = averageOf;\n`, check: "depcruise-domain" },
  { rule: "promptuary/client-never-imports-server", file: "src/app/zz-layering-probe/client.tsx", source: `"use client";\nimport { auth } from "@/server/auth/config";\nexport const probe = auth;\n`, check: "eslint" },
];

function run(probe: Probe) {
  const bin = (name: string) => join(ROOT, "node_modules/.bin", name);
  const [command, args] =
    probe.check === "eslint"
      ? [bin("eslint"), [probe.file]]
      : probe.check === "depcruise-domain"
        ? [bin("depcruise"), ["src/server/domain", "--config", ".dependency-cruiser.domain.cjs", "--output-type", "err"]]
        : [bin("depcruise"), [probe.file, "--config", ".dependency-cruiser.cjs", "--output-type", "err"]];
  return spawnSync(command, args, { cwd: ROOT, encoding: "utf8" });
}

let failures = 0;
for (const probe of probes) {
  const path = join(ROOT, probe.file);
  const created = dirname(path);
  mkdirSync(created, { recursive: true });
  writeFileSync(path, probe.source);
  try {
    const result = run(probe);
    const output = `${result.stdout}${result.stderr}`;
    const caught = result.status !== 0 && output.includes(probe.rule);
    console.log(`${caught ? "ok  " : "MISS"}  ${probe.rule}  (${probe.file})`);
    if (!caught) {
      failures++;
      console.log(output.trim().split("\n").map((l) => `      ${l}`).join("\n"));
    }
  } finally {
    rmSync(path, { force: true });
    if (probe.file.includes("zz-layering-probe/")) rmSync(created, { recursive: true, force: true });
  }
}
console.log(`${probes.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
