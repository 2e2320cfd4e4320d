/**
 * `imagestream describe is/NAME | istag/NAME:TAG | isimage/NAME@ID`: what `oc describe` prints
 * (R16.1, R16.2).
 */

import { getImageStreamTag, parseImageStreamTagName } from "../../index.js";
import { describeImageStream, describeImageStreamImage, describeImageStreamTag } from "../../oc.js";
import type { Command, CommandContext, CommandResult } from "../command.js";
import { UsageError } from "../errors.js";
import { COMMON_HELP, EXIT_HELP } from "../help.js";
import { namedImageStreamImages, serverOptions } from "./common.js";
import { parseResourceArgs } from "./resource.js";

function run(ctx: CommandContext): CommandResult {
  const { resource, names } = parseResourceArgs(ctx.command, ctx.args.positionals);
  if (resource === "imagetag")
    throw new UsageError("describe supports is, istag and isimage, not imagetag", ctx.command);
  const ws = ctx.workspace();
  const opts = { now: ctx.now };
  const blocks: string[] = [];
  if (resource === "is") {
    const streams =
      names.length > 0
        ? names.map((n) => ws.getStream(n))
        : ws.streamList().filter((s) => (s.metadata?.namespace ?? ws.namespace) === ws.namespace);
    for (const s of streams) blocks.push(describeImageStream(s, opts));
  } else if (resource === "isimage") {
    for (const isimage of namedImageStreamImages(ctx, ws, names))
      blocks.push(describeImageStreamImage(isimage, opts));
  } else {
    if (names.length === 0) {
      for (const s of ws.streamList()) {
        if ((s.metadata?.namespace ?? ws.namespace) !== ws.namespace) continue;
        for (const t of s.status?.tags ?? []) names.push(`${s.metadata?.name ?? ""}:${t.tag}`);
      }
    }
    for (const n of names) {
      const { name, tag } = parseImageStreamTagName(n);
      const stream = ws.getStream(name);
      const istag = getImageStreamTag(stream, tag, serverOptions(ctx, ws));
      blocks.push(describeImageStreamTag(istag, opts));
    }
  }
  const text = blocks.map((b) => (b.endsWith("\n") ? b : `${b}\n`)).join("\n\n");
  return { stdout: text };
}

/** The `describe` subcommand. */
export const describeCommand: Command = {
  name: "describe",
  summary: "Show an image stream, image stream tag or image stream image as oc describe does",
  flags: {},
  outputs: [],
  mutates: false,
  needsInput: true,
  run,
  help: `Show details of an image stream, an image stream tag or an image stream image, as oc
describe prints them.

Usage:
  imagestream describe is/NAME | is [NAME...] -f FILE
  imagestream describe istag/NAME:TAG | istag [NAME:TAG...] -f FILE
  imagestream describe isimage/NAME@ID | isimage NAME@ID... -f FILE

is/NAME prints the stream (name, namespace, labels, annotations, image repository, lookup policy,
unique images, then every tag with its source and history, newest first). istag/NAME:TAG prints
the image the tag points to (the Image object must be among the inputs, e.g. added by "map
--in-place"); isimage/NAME@ID prints that image of the stream's history (a unique id prefix is
enough). Without a name, every stream (or tag) of the current project is described.
Relative times ("5 minutes ago") are computed from --now.

Examples:
  # The stream of the "Using image streams" guide
  imagestream describe is/python -f examples/python.yaml --now 2017-10-02T17:06:30Z

${COMMON_HELP}

${EXIT_HELP}
`,
};
