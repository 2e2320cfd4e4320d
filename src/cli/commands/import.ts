/**
 * `imagestream import RESULT_FILE`: applies the result of an image import (an ImageStreamImport
 * with the importer's status) as the API server does (docs/behaviour.md §11.1).
 */
import { applyImportResult } from "../../index.js";
import { parseImageStreamImport } from "../../schemas.js";
import { stringFlag, stringsFlag } from "../args.js";
import type { Command, CommandContext, CommandResult } from "../command.js";
import { CliError, UsageError } from "../errors.js";
import { COMMON_HELP, EXIT_HELP, WRITE_HELP } from "../help.js";
import { entriesOf, readInputs } from "../input.js";
import { expectArgs, mutationResult, State, serverOptions } from "./common.js";

function run(ctx: CommandContext): CommandResult {
  const [resultFile] = expectArgs(ctx, 1, 1, "RESULT_FILE (an ImageStreamImport with status)") as [string];
  if (resultFile === "-" && stringsFlag(ctx.args, "filename").includes("-"))
    throw new UsageError("standard input can be read only once", ctx.command);
  const results = entriesOf(readInputs(ctx.command, [resultFile])).filter(
    (e) => e.kind === "ImageStreamImport",
  );
  if (results.length === 0) throw new CliError(`${resultFile}: no ImageStreamImport found`);
  const ws = ctx.workspace();
  const state = new State(ws);
  const preferArch = stringFlag(ctx.args, "prefer-arch");
  const preferOs = stringFlag(ctx.args, "prefer-os");
  const messages: string[] = [];
  const touched: string[] = [];
  for (const entry of results) {
    const result = parseImageStreamImport(entry.raw);
    const name = result.metadata?.name ?? "";
    const namespace = result.metadata?.namespace || ws.namespace;
    const current = state.find(namespace, name);
    const stamped =
      result.metadata?.namespace === namespace
        ? result
        : { ...result, metadata: { ...result.metadata, namespace } };
    const applied = applyImportResult(current, stamped, {
      ...serverOptions(ctx, ws, state),
      ...(preferArch !== undefined ? { preferArch } : {}),
      ...(preferOs !== undefined ? { preferOs } : {}),
    });
    state.put(applied.stream);
    for (const image of applied.images) state.addImage(image, applied.stream);
    touched.push(`${namespace}/${name}`);
    const verb = current === undefined ? "created" : applied.changed ? "imported" : "unchanged";
    messages.push(`imagestream.image.openshift.io/${name} ${verb}`);
  }
  return mutationResult(ctx, ws, {
    streams: state
      .streamList()
      .filter((s) => touched.includes(`${s.metadata?.namespace}/${s.metadata?.name}`)),
    images: state.images(),
    messages,
  });
}

/** The `import` subcommand. */
export const importCommand: Command = {
  name: "import",
  summary: "Apply the result of an image import (an ImageStreamImport with status) to its stream",
  flags: {
    "prefer-arch": { type: "string" },
    "prefer-os": { type: "string" },
  },
  outputs: ["yaml", "json"],
  mutates: true,
  needsInput: true,
  run,
  help: `Apply the result of an image import to its image stream, as the API server does.

Usage:
  imagestream import RESULT_FILE -f STREAMS [--prefer-arch ARCH] [--prefer-os OS] [-o yaml|json | --in-place]

RESULT_FILE ("-" for standard input) holds one or more ImageStreamImport objects whose spec is
what was requested and whose status is what the importer found (status.images[i] answers
spec.images[i]). Each is applied to the stream metadata.namespace/metadata.name (namespace
default: the current project; the stream is created if missing): successful tags get a new
history entry and their spec tag reset, failed tags an ImportSuccess=False condition, and the
stream the openshift.io/image.dockerRepositoryCheck annotation. Imported Image objects are added
next to the stream with --in-place.

Flags:
      --prefer-arch ARCH  Architecture of the API server, used to pick a manifest list entry in
                          Legacy import mode when the tag has no prefer-arch annotation (amd64).
      --prefer-os OS      Operating system, likewise (linux).
${WRITE_HELP}

Examples:
  # Record that docker.io/python:3.6.0 was imported into python:3.6
  imagestream import examples/python-import-3.6.yaml -f python.yaml --in-place

${COMMON_HELP}

${EXIT_HELP}
`,
};
