/**
 * The packaging proof of `scripts/size-budget.mjs`, run on the packed artifact: the tarball is
 * installed in a throw-away consumer project, then bundled with esbuild and Rollup, loaded in Node and
 * type-checked with `tsc`. Needs `dist/` (`npm run build`; CI builds first). Start-up times are left
 * to `npm run size`: no timing assertions here.
 *
 * The script runs once, with budgets too small to meet: that proves it fails on a budget miss, while
 * the measured sizes are checked against the real budgets here and every other check is unaffected.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

interface Row {
  name: string;
  bundler: "esbuild" | "rollup";
  min: number;
  gzip: number;
  budget?: number;
  heavy: string[];
  imports: string[];
}
interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
interface Report {
  tarball: { packed: number; files: number; dts: number };
  rows: Row[];
  checks: Check[];
  failures: string[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const TYPO = "a misspelt field of ImageStream";

function runScript(env: Record<string, string>): { status: number | null; report: Report } {
  const out = spawnSync(process.execPath, ["scripts/size-budget.mjs", "--json", "--no-startup"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (out.stdout.trim() === "") throw new Error(`size-budget.mjs printed nothing: ${out.stderr}`);
  return { status: out.status, report: JSON.parse(out.stdout) as Report };
}

const failed = (report: Report, pattern: RegExp): Check[] =>
  report.checks.filter((c) => !c.ok && pattern.test(c.name));

describe("the packed tarball, from a consumer project (scripts/size-budget.mjs)", () => {
  let report: Report;
  let status: number | null;
  beforeAll(() => {
    if (!existsSync(join(ROOT, "dist/index.js")))
      throw new Error("dist/ is missing: run `npm run build` first");
    ({ report, status } = runScript({ SIZE_PARSE_ONLY_BUDGET: "100", SIZE_WHOLE_BUDGET: "100" }));
  }, 180_000);

  it("holds every entry with its types, LICENSE and the bin, and no source maps", () => {
    expect(failed(report, /tarball|shebang/)).toEqual([]);
    expect(report.tarball.files).toBeGreaterThan(10);
  });

  it("parseDockerImageReference alone, from the root or imagestream/reference: ≤ 5 KB min+gzip, no zod, immer or yaml, with esbuild and Rollup", () => {
    const rows = report.rows.filter((r) => r.name.endsWith(": parseDockerImageReference"));
    expect(rows.map((r) => `${r.name} ${r.bundler}`).sort()).toEqual([
      "reference: parseDockerImageReference esbuild",
      "reference: parseDockerImageReference rollup",
      "root: parseDockerImageReference esbuild",
      "root: parseDockerImageReference rollup",
    ]);
    for (const r of rows) {
      expect(r.gzip, `${r.name} (${r.bundler})`).toBeLessThanOrEqual(5 * 1024);
      expect(r.heavy, `${r.name} (${r.bundler})`).toEqual([]);
    }
    expect(failed(report, /parseDockerImageReference.*pulls in/)).toEqual([]);
  });

  it("each entry imports only what it may: reference nothing, fast-check only testing, yaml none", () => {
    expect(failed(report, /imports only what it may|reference: whole entry/)).toEqual([]);
  });

  it("the whole root entry, dependencies external, stays within 41 KB min+gzip", () => {
    const whole = report.rows.filter((r) => r.name === "root: whole entry (deps external)");
    const parseOnly = report.rows.find((r) => r.name === "root: parseDockerImageReference");
    expect(whole).toHaveLength(2);
    for (const r of whole) {
      expect(r.gzip, r.bundler).toBeLessThanOrEqual(41 * 1024);
      expect(r.gzip, r.bundler).toBeGreaterThan(parseOnly?.gzip ?? Number.POSITIVE_INFINITY);
    }
  });

  it("every entry loads in Node, require() included, and a name shared by entries is one object (one copy of each error class)", () => {
    expect(failed(report, /loads in Node|one object|require\(\)|bin runs/)).toEqual([]);
  });

  it("the consumer type-checks a file that uses every entry", () => {
    expect(failed(report, /type-checks every entry/)).toEqual([]);
  });

  it("{ metadata: { nmae: 'x' } } typed ImageStream does not compile in the consumer", () => {
    expect(failed(report, new RegExp(TYPO))).toEqual([]);
  });

  it("exits 1 and names each bundle over its budget", () => {
    expect(status).toBe(1);
    // four parse-only bundles and the whole root entry with each bundler, over the 100-byte budgets
    expect(report.failures.filter((f) => f.includes("min+gzip"))).toHaveLength(6);
  });
});
