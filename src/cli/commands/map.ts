/**
 * `imagestream map MAPPING_FILE`: applies ImageStreamMappings (what the integrated registry sends
 * on a push) as the API server does (docs/behaviour.md §10).
 */

import { applyImageStreamMapping } from "../../index.js";
import { parseImageStreamMapping } from "../../schemas.js";
import { stringsFlag } from "../args.js";
import type { Command, CommandContext, CommandResult } from "../command.js";
import { CliError, UsageError } from "../errors.js";
import { COMMON_HELP, EXIT_HELP, WRITE_HELP } from "../help.js";
import { entriesOf, readInputs } from "../input.js";
import { expectArgs, mutationResult, State, serverOptions } from "./common.js";

function run(ctx: CommandContext): CommandResult {
  const [mappingFile] = expectArgs(ctx, 1, 1, "MAPPING_FILE (an ImageStreamMapping)") as [string];
  if (mappingFile === "-" && stringsFlag(ctx.args, "filename").includes("-"))
    throw new UsageError("standard input can be read only once", ctx.command);
  const mappings = entriesOf(readInputs(ctx.command, [mappingFile])).filter(
    (e) => e.kind === "ImageStreamMapping",
  );
  if (mappings.length === 0) throw new CliError(`${mappingFile}: no ImageStreamMapping found`);
  const ws = ctx.workspace();
  const state = new State(ws);
  const messages: string[] = [];
  const touched = new Set<string>();
  for (const entry of mappings) {
    const mapping = parseImageStreamMapping(entry.raw);
    const name = mapping.metadata?.name ?? "";
    const namespace = mapping.metadata?.namespace || ws.namespace;
    // Validation (R4.3) comes first, then NotFound for a missing stream: both from the library.
    const stream = state.find(namespace, name);
    const stamped =
      mapping.metadata?.namespace === namespace
        ? mapping
        : { ...mapping, metadata: { ...mapping.metadata, namespace } };
    const result = applyImageStreamMapping(stream, stamped, serverOptions(ctx, ws, state));
    state.put(result.stream);
    if (result.imageCreated) state.addImage(result.image, result.stream);
    touched.add(`${namespace}/${name}`);
    messages.push(`imagestreammapping.image.openshift.io/${name} created`);
  }
  return mutationResult(ctx, ws, {
    streams: state.streamList().filter((s) => touched.has(`${s.metadata?.namespace}/${s.metadata?.name}`)),
    images: state.images(),
    messages,
  });
}

/** The `map` subcommand. */
export const mapCommand: Command = {
  name: "map",
  summary: "Apply an ImageStreamMapping (what the integrated registry sends when an image is pushed)",
  flags: {},
  outputs: ["yaml", "json"],
  mutates: true,
  needsInput: true,
  run,
  help: `Apply ImageStreamMappings to their image streams, as the API server does on a push.

Usage:
  imagestream map MAPPING_FILE -f STREAMS [-o yaml|json | --in-place]

MAPPING_FILE ("-" for standard input) holds one or more ImageStreamMapping objects, applied in
order. Each tags its image into metadata.namespace/metadata.name (namespace default: the current
project) at "tag": a new history entry on top of the tag, unless the tag already points at the
image. The stream must exist. With --in-place the stream is rewritten and a new Image object is
added to the stream's file (later commands, e.g. describe istag/..., read it from there).

Flags:
${WRITE_HELP}

Examples:
  # What the registry does when a build pushes test/origin-ruby-sample:latest
  imagestream map examples/origin-ruby-sample-mapping.yaml -f origin-ruby-sample.yaml --in-place

${COMMON_HELP}

${EXIT_HELP}
`,
};
