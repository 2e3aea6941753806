// Usage: node scripts/ci/lockfile-unchanged.mjs BEFORE AFTER
// Passes when `npm install` changed nothing that this machine installs: every package in both
// lockfiles has the same version and integrity, and entries only one of them has are optional
// (other platforms' native builds, which the package mirror lists on some runs and not others).
import { readFileSync } from "node:fs";

const [before, after] = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, "utf8")).packages ?? {});
const problems = [];
for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
  const a = before[key];
  const b = after[key];
  if (a && b) {
    if (a.version !== b.version || (a.integrity && b.integrity && a.integrity !== b.integrity)) problems.push(`${key || "(root)"}: ${a.version} → ${b.version}`);
  } else if (!(a ?? b).optional) {
    problems.push(`${key}: ${a ? "removed" : "added"}`);
  }
}
if (problems.length) {
  console.error(`package-lock.json is out of date with package.json (run npm install and commit the lockfile):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("package-lock.json matches package.json (differences only in optional entries for other platforms)");
