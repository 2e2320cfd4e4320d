/**
 * `imagestream tag`: `oc tag` over files (docs/behaviour.md §15), with every `oc tag` flag.
 */

import { createCatalog, type ImageStream, type TagRequest } from "../../index.js";
import { planTag, tagInCatalog } from "../../oc.js";
import { boolFlag, stringFlag } from "../args.js";
import type { Command, CommandContext, CommandResult } from "../command.js";
import { UsageError } from "../errors.js";
import { COMMON_HELP, EXIT_HELP, WRITE_HELP } from "../help.js";
import { mutationResult } from "./common.js";

function run(ctx: CommandContext): CommandResult {
  const args = ctx.args.positionals;
  const del = boolFlag(ctx.args, "delete");
  if (args.length === 0)
    throw new UsageError(
      "you must specify a source and at least one destination or one or more tags to delete",
      ctx.command,
    );
  const ws = ctx.workspace();
  const flags = {
    sourceKind: stringFlag(ctx.args, "source"),
    alias: boolFlag(ctx.args, "alias"),
    reference: boolFlag(ctx.args, "reference"),
    scheduled: boolFlag(ctx.args, "scheduled"),
    insecure: boolFlag(ctx.args, "insecure"),
    referencePolicy: stringFlag(ctx.args, "reference-policy"),
    importMode: stringFlag(ctx.args, "import-mode"),
    namespace: ws.namespace,
  };
  const request: TagRequest = del
    ? { ...flags, delete: true, destinations: args }
    : { ...flags, source: args[0], destinations: args.slice(1) };
  const catalog = createCatalog({ imageStreams: ws.streamList(), images: ws.imageList() });
  const { catalog: next, messages } = tagInCatalog(catalog, request, {
    now: ctx.now,
    ...ws.registryOptions(),
  });
  // The destination streams, in argument order (planTag only parses here: tagInCatalog succeeded).
  const seen = new Set<string>();
  const streams: ImageStream[] = [];
  for (const step of planTag(request).steps) {
    const { namespace, name } = step.destination;
    const key = `${namespace}/${name}`;
    const stream = next.getImageStream(namespace, name);
    if (seen.has(key) || stream === undefined) continue;
    seen.add(key);
    streams.push(stream);
  }
  return mutationResult(ctx, ws, { streams, messages });
}

/** The `tag` subcommand. */
export const tagCommand: Command = {
  name: "tag",
  summary: "Tag existing images into image streams, or delete tags (oc tag)",
  flags: {
    source: { type: "string" },
    delete: { type: "boolean", short: "d" },
    alias: { type: "boolean" },
    reference: { type: "boolean" },
    scheduled: { type: "boolean" },
    insecure: { type: "boolean" },
    "reference-policy": { type: "string" },
    "import-mode": { type: "string" },
  },
  outputs: ["yaml", "json"],
  mutates: true,
  needsInput: true,
  run,
  help: `Tag existing images into image streams, as oc tag does.

Usage:
  imagestream tag [--source=KIND] SOURCE DEST [DEST...] -f FILE [flags]
  imagestream tag -d DEST [DEST...] -f FILE

SOURCE is an image stream tag (name:tag), an image stream image (name@sha256:...) or a container
image (anything with a registry, or a bare name); --source forces the kind. A SOURCE image stream
tag is resolved to the image it points to now (use --alias to track it instead). DEST is
[namespace/]stream:tag; a missing destination stream is created (added to the first -f file with
--in-place). Prints the message oc prints, e.g. "Tag python:latest set to python@sha256:...".

Flags (as in oc tag):
      --source KIND            docker, dockerimage, imagestreamtag, istag, imagestreamimage, isimage.
  -d, --delete                 Delete the DEST tags (spec and history).
      --alias                  DEST tracks SOURCE (same image stream only).
      --reference              DEST only references SOURCE; the image is not imported.
      --scheduled              Re-import a container image periodically.
      --insecure               Allow HTTP or unverified HTTPS when importing.
      --reference-policy P     source (default) or local: how pull specs for DEST are resolved.
      --import-mode MODE       Legacy (default) or PreserveOriginal (keep manifest lists).
${WRITE_HELP}

Examples:
  # The "Using image streams" guide (seed 003), on a copy of examples/python.yaml
  imagestream tag python:3.5 python:latest -f python.yaml --in-place
  imagestream tag docker.io/python:3.6.0 python:3.6 -f python.yaml --in-place
  imagestream tag docker.io/python:3.6.0 python:3.6 --scheduled -f python.yaml --in-place
  imagestream tag -d python:3.5 -f python.yaml --in-place

${COMMON_HELP}

${EXIT_HELP}
`,
};
