/**
 * `imagestream rollback NAME:TAG [REVISION]`: points a tag back at an image of its history.
 */
import { parseImageStreamTagName, rollbackTag } from "../../index.js";
import type { Command, CommandContext, CommandResult } from "../command.js";
import { quoteInput, UsageError } from "../errors.js";
import { COMMON_HELP, EXIT_HELP, WRITE_HELP } from "../help.js";
import { expectArgs, mutationResult, serverOptions } from "./common.js";

function run(ctx: CommandContext): CommandResult {
  const [target, rev] = expectArgs(ctx, 1, 2, "NAME:TAG") as [string, string | undefined];
  if (rev !== undefined && !/^[0-9]{1,9}$/.test(rev))
    throw new UsageError(
      `invalid REVISION ${quoteInput(rev)}: expected a history position (0 = current)`,
      ctx.command,
    );
  const revision = rev === undefined ? 1 : Number(rev);
  const { name, tag } = parseImageStreamTagName(target);
  const ws = ctx.workspace();
  const result = rollbackTag(ws.getStream(name), { tag, revision }, serverOptions(ctx, ws));
  return mutationResult(ctx, ws, { streams: [result.stream], messages: result.messages });
}

/** The `rollback` subcommand. */
export const rollbackCommand: Command = {
  name: "rollback",
  summary: "Point a tag back at an image of its history (oc tag NAME@IMAGE NAME:TAG)",
  flags: {},
  outputs: ["yaml", "json"],
  mutates: true,
  needsInput: true,
  run,
  help: `Point a tag back at an image of its history.

Usage:
  imagestream rollback NAME:TAG [REVISION] -f FILE [-o yaml|json | --in-place]

REVISION is a position in the tag's history as "describe is/NAME" lists it: 0 is the current
image, 1 (the default) the one before, and so on. This does what a user does with
"oc tag NAME@<image> NAME:TAG": the spec tag points at that image and a new entry goes on top of
the history (history itself is never rewritten).

Flags:
${WRITE_HELP}

Examples:
  imagestream rollback python:latest -f python.yaml --in-place

${COMMON_HELP}

${EXIT_HELP}
`,
};
