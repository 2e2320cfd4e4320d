import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: never loads `yaml` and does no I/O.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    target: "node20",
    platform: "neutral",
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    // Both builds run in parallel into dist/: keep the CLI's output when cleaning.
    clean: ["!cli.js", "!cli.js.map"],
    treeshake: true,
    splitting: false,
    external: ["zod"],
  },
  {
    // The `imagestream` command (bin): the library bundled in, `yaml` loaded from node_modules.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    dts: false,
    sourcemap: true,
    clean: false,
    treeshake: true,
    splitting: false,
    external: ["zod", "yaml"],
  },
]);
