/**
 * The `yaml` package, loaded on first use: a command that reads and prints only JSON never pays
 * for loading it (about a tenth of a second on a busy machine).
 */
// A namespace import: a bundle may declare its own `createRequire` in a banner.
import * as nodeModule from "node:module";
import type * as Yaml from "yaml";

let lib: typeof Yaml | undefined;

/** The `yaml` module (its CommonJS build, the only copy the command uses). */
export function yamlLib(): typeof Yaml {
  if (lib === undefined) lib = nodeModule.createRequire(import.meta.url)("yaml") as typeof Yaml;
  return lib;
}
