import { defineConfig, type Options } from "tsup";

/**
 * The public entries: one per `exports` subpath of package.json. Each file lists names and nothing
 * else; `scripts/size-budget.mjs` bundles them from the packed tarball.
 */
const entries = {
  index: "src/index.ts",
  reference: "src/reference/index.ts",
  schemas: "src/schemas.ts",
  oc: "src/oc.ts",
  testing: "src/testing/index.ts",
};

/**
 * Makes `dist/cli.js` (the package's `bin`) an executable script. A `banner` would put the line on
 * every entry and chunk; this puts it on the CLI alone.
 */
const bin: NonNullable<Options["plugins"]>[number] = {
  name: "imagestream-bin",
  renderChunk(code, info) {
    if (!/[\\/]cli\.js$/.test(info.path)) return undefined;
    info.mode = 0o755;
    return { code: `#!/usr/bin/env node\n${code}` };
  },
};

export default defineConfig({
  // The CLI is built with the library so the two share chunks: the tarball holds one copy of each
  // module, and the CLI's `yaml` import stays in the CLI's own chunks.
  entry: { ...entries, cli: "src/cli/main.ts" },
  // ESM only: Node ≥ 20.19 can require() it, and a single build keeps one copy of each error class.
  format: ["esm"],
  target: "node20",
  // `testing` (the fake API) and the CLI import Node built-ins; the other entries import none.
  platform: "node",
  // Keep `node:` in the output, as in the sources.
  removeNodeProtocol: false,
  // Shared modules go to chunks, so `instanceof` holds across entries (one `errors.ts` for all).
  splitting: true,
  // esbuild's tree shaking keeps the `/* @__PURE__ */` annotations the consumer's bundler needs;
  // tsup's extra Rollup pass is not used.
  treeshake: false,
  // Not shipped: they would double the tarball and point at sources the package does not contain.
  sourcemap: false,
  clean: true,
  dts: { entry: entries, compilerOptions: { ignoreDeprecations: "6.0" } },
  // dependencies and peerDependencies are external by default; `yaml` is only loaded by the CLI.
  external: ["yaml"],
  plugins: [bin],
});
