/**
 * Size budgets (issue 7, item 5) run in the test suite: `scripts/size-budget.mjs` bundles
 * `parseDockerImageReference` alone (≤ 5 KB min+gzip, no zod, no immer) and the whole library
 * (zod and immer external) with esbuild, and checks the ESM entry never imports `yaml`.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

interface Report {
  rows: { name: string; min: number; gzip: number; budget: number }[];
  failures: string[];
  distNote: string;
}

function runScript(env: Record<string, string> = {}): { status: number | null; report: Report } {
  const out = spawnSync(process.execPath, ["scripts/size-budget.mjs", "--json"], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: out.status, report: JSON.parse(out.stdout) as Report };
}

describe("size budgets", () => {
  it("parseDockerImageReference alone ≤ 5 KB min+gzip without zod/immer; whole library within its budget; no yaml", () => {
    const { status, report } = runScript();
    expect(report.failures).toEqual([]);
    expect(status).toBe(0);
    const parseOnly = report.rows.find((r) => r.name.startsWith("parseDockerImageReference"));
    expect(parseOnly?.gzip).toBeLessThanOrEqual(5 * 1024);
    expect(report.rows.find((r) => r.name.startsWith("whole library"))?.gzip).toBeGreaterThan(
      parseOnly?.gzip ?? 0,
    );
  });

  it("the script fails (exit 1) when a budget is exceeded", () => {
    const { status, report } = runScript({ SIZE_PARSE_ONLY_BUDGET: "100", SIZE_WHOLE_BUDGET: "100" });
    expect(status).toBe(1);
    expect(report.failures).toHaveLength(2);
  });
});
