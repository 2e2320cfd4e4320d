/**
 * The entry points of docs/api.md ("Entry points"), checked on the sources and the build
 * configuration: package.json `exports`, tsup.config.ts, the api-extractor configurations and the
 * entry files agree; entry files list names and nothing else; the root stays at most 80 values; and
 * each entry reaches only the packages it may. The packed artifact itself is checked by
 * test/proof/size-budget.test.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import tsupConfig from "../../tsup.config.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  type: string;
  main: string;
  types: string;
  sideEffects: boolean;
  bin: Record<string, string>;
  files: string[];
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/** `exports` subpath → dist name → source file, as docs/api.md lists them. */
const ENTRIES = [
  { subpath: ".", name: "index", source: "src/index.ts" },
  { subpath: "./reference", name: "reference", source: "src/reference/index.ts" },
  { subpath: "./schemas", name: "schemas", source: "src/schemas.ts" },
  { subpath: "./oc", name: "oc", source: "src/oc.ts" },
  { subpath: "./testing", name: "testing", source: "src/testing/index.ts" },
] as const;

const config = (Array.isArray(tsupConfig) ? tsupConfig[0] : tsupConfig) as {
  entry: Record<string, string>;
  format: string[];
  splitting: boolean;
  sourcemap: boolean;
  dts: { entry: Record<string, string> };
};

/** Bare module specifiers (packages, `node:` built-ins) reachable from `file` through relative imports. */
function packagesReachedFrom(file: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, file)];
  while (queue.length > 0) {
    const current = queue.pop() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    const info = ts.preProcessFile(readFileSync(current, "utf8"), true, false);
    for (const { fileName } of info.importedFiles) {
      if (fileName.startsWith(".")) queue.push(resolve(dirname(current), fileName.replace(/\.js$/, ".ts")));
      else
        packages.add(
          fileName.startsWith("@") ? fileName.split("/").slice(0, 2).join("/") : fileName.split("/")[0]!,
        );
    }
  }
  return packages;
}

describe("entry points (docs/api.md, Entry points)", () => {
  it("package.json is ESM only: one { types, default } pair per entry, types first, and ./package.json", () => {
    expect(pkg.type).toBe("module");
    expect(Object.keys(pkg.exports)).toEqual([...ENTRIES.map((e) => e.subpath), "./package.json"]);
    for (const e of ENTRIES) {
      expect(pkg.exports[e.subpath], e.subpath).toEqual({
        types: `./dist/${e.name}.d.ts`,
        default: `./dist/${e.name}.js`,
      });
      expect(Object.keys(pkg.exports[e.subpath] as object)[0]).toBe("types");
    }
    expect(pkg.exports["./package.json"]).toBe("./package.json");
    expect([pkg.main, pkg.types]).toEqual(["./dist/index.js", "./dist/index.d.ts"]);
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.bin).toEqual({ imagestream: "./dist/cli.js" });
    expect(pkg.files.some((f) => f.includes(".map") || f === "dist")).toBe(false);
  });

  it("tsup builds exactly the exported entries and the CLI: ESM, split into shared chunks, no source maps", () => {
    const built = Object.fromEntries(ENTRIES.map((e) => [e.name, e.source]));
    expect(config.entry).toEqual({ ...built, cli: "src/cli/main.ts" });
    expect(config.dts.entry).toEqual(built);
    expect(config.format).toEqual(["esm"]);
    expect(config.splitting).toBe(true);
    expect(config.sourcemap).toBe(false);
  });

  it.each(ENTRIES)("$subpath: an api-extractor report and the TSDoc check cover it", (e) => {
    const file = e.name === "index" ? "api-extractor.json" : `config/api-extractor.${e.name}.json`;
    const text = readFileSync(join(ROOT, file), "utf8");
    if (e.name !== "index") {
      expect(text).toContain(`"mainEntryPointFilePath": "<projectFolder>/dist/${e.name}.d.ts"`);
      expect(text).toContain(`"reportFileName": "<unscopedPackageName>-${e.name}"`);
    } else expect(text).toContain(`"mainEntryPointFilePath": "<projectFolder>/dist/index.d.ts"`);
    expect(readFileSync(join(ROOT, "scripts/check-tsdoc.mjs"), "utf8")).toContain(`"${e.source}"`);
  });

  it.each(ENTRIES)("$source lists names and nothing else: no code, no default export, no export *", (e) => {
    const path = join(ROOT, e.source);
    expect(existsSync(path), e.source).toBe(true);
    const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022, true);
    const bad = source.statements
      .filter(
        (s) =>
          !(
            ts.isExportDeclaration(s) &&
            s.moduleSpecifier !== undefined &&
            s.exportClause !== undefined &&
            ts.isNamedExports(s.exportClause)
          ),
      )
      .map((s) => s.getText().split("\n")[0]);
    expect(bad).toEqual([]);
  });

  it("the root entry lists at most 80 values (functions, classes, constants)", () => {
    const program = ts.createProgram([join(ROOT, "src/index.ts")], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      noResolve: false,
    });
    const checker = program.getTypeChecker();
    const entry = program.getSourceFile(join(ROOT, "src/index.ts"));
    const moduleSymbol = entry === undefined ? undefined : checker.getSymbolAtLocation(entry);
    expect(moduleSymbol).toBeDefined();
    const values = checker
      .getExportsOfModule(moduleSymbol as ts.Symbol)
      .filter((s) => (checker.getAliasedSymbol(s).flags & ts.SymbolFlags.Value) !== 0);
    expect(values.length).toBeGreaterThan(0);
    expect(values.length).toBeLessThanOrEqual(80);
  });

  it.each([
    { entry: "src/reference/index.ts", may: [] as string[] },
    { entry: "src/index.ts", may: ["immer", "zod"] },
    { entry: "src/schemas.ts", may: ["immer", "zod"] },
    { entry: "src/oc.ts", may: ["immer", "zod"] },
  ])(
    "$entry reaches no package beyond $may (fast-check is for testing, yaml for the CLI)",
    ({ entry, may }) => {
      const reached = [...packagesReachedFrom(entry)].filter((p) => !p.startsWith("node:"));
      expect(reached.filter((p) => !may.includes(p)).sort()).toEqual([]);
    },
  );

  it("the packages the entries reach are dependencies or (testing) an optional peer dependency", () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})]);
    const reached = new Set(
      [
        "src/index.ts",
        "src/reference/index.ts",
        "src/schemas.ts",
        "src/oc.ts",
        "src/testing/index.ts",
      ].flatMap((e) => [...packagesReachedFrom(e)]),
    );
    expect([...reached].filter((p) => !p.startsWith("node:") && !declared.has(p)).sort()).toEqual([]);
  });
});
