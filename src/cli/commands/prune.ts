/**
 * `imagestream prune`: removes old tag history as `oc adm prune images` does (docs/behaviour.md R17.2).
 */

import type { ImageStream } from "../../index.js";
import { pruneTagHistory } from "../../oc.js";
import { boolFlag, durationFlag, intFlag, stringsFlag } from "../args.js";
import type { Command, CommandContext, CommandResult } from "../command.js";
import { COMMON_HELP, EXIT_HELP, WRITE_HELP } from "../help.js";
import { mutationResult } from "./common.js";

function historyLength(s: ImageStream): number {
  let n = 0;
  for (const t of s.status?.tags ?? []) n += Array.isArray(t.items) ? t.items.length : 0;
  return n;
}

function run(ctx: CommandContext): CommandResult {
  const keepTagRevisions = intFlag(ctx.command, ctx.args, "keep-tag-revisions");
  const keepYoungerThan = durationFlag(ctx.command, ctx.args, "keep-younger-than");
  const usedImages = new Set(stringsFlag(ctx.args, "used-image"));
  const usedTags = new Set(stringsFlag(ctx.args, "used-tag"));
  const ws = ctx.workspace();
  const names = ctx.args.positionals;
  const streams =
    names.length > 0
      ? names.map((n) => ws.getStream(n))
      : ws.streamList().filter((s) => (s.metadata?.namespace ?? ws.namespace) === ws.namespace);
  const lookups = ws.lookups();
  const messages: string[] = [];
  const results = streams.map((stream) => {
    const name = stream.metadata?.name ?? "";
    const pruned = pruneTagHistory(stream, {
      now: ctx.now,
      ...(keepTagRevisions !== undefined ? { keepTagRevisions } : {}),
      ...(keepYoungerThan !== undefined ? { keepYoungerThan } : {}),
      isImageUsed: (image) => usedImages.has(image),
      isTagUsed: (tag) => usedTags.has(`${name}:${tag}`),
      ...(boolFlag(ctx.args, "drop-missing-images") ? { getImage: lookups.getImage } : {}),
    });
    const removed = historyLength(stream) - historyLength(pruned);
    messages.push(
      pruned === stream
        ? `imagestream.image.openshift.io/${name} unchanged`
        : `imagestream.image.openshift.io/${name} pruned (${removed} history ${removed === 1 ? "entry" : "entries"} removed)`,
    );
    return pruned;
  });
  return mutationResult(ctx, ws, { streams: results, messages });
}

/** The `prune` subcommand. */
export const pruneCommand: Command = {
  name: "prune",
  summary: "Remove old tag history as oc adm prune images does",
  flags: {
    "keep-tag-revisions": { type: "string" },
    "keep-younger-than": { type: "string" },
    "used-image": { type: "string", multiple: true },
    "used-tag": { type: "string", multiple: true },
    "drop-missing-images": { type: "boolean" },
  },
  outputs: ["yaml", "json"],
  mutates: true,
  needsInput: true,
  run,
  help: `Remove old history entries from the tags of image streams, as oc adm prune images does.

Usage:
  imagestream prune [NAME...] -f FILE [--keep-tag-revisions N] [--keep-younger-than DURATION]
                    [--used-image IMAGE ...] [--used-tag NAME:TAG ...] [--drop-missing-images]
                    [-o yaml|json | --in-place]

Per tag, a history entry is kept when it is among the newest N (default 3), younger than
DURATION (default 60m), the current image of a used tag, or an image still in use; the others
are removed. Without NAME every stream of the current project is pruned.

Flags:
      --keep-tag-revisions N       History entries to keep per tag (default 3).
      --keep-younger-than DURATION Keep entries younger than this (default 60m; e.g. 90s, 2h, 1h30m).
      --used-image IMAGE           An image (sha256:...) still used elsewhere; never pruned (repeatable).
      --used-tag NAME:TAG          A tag in use: its current image is kept (repeatable).
      --drop-missing-images        Treat the Image objects of the inputs as all the images there are:
                                   entries whose image is not among them are removed.
${WRITE_HELP}

Examples:
  imagestream prune -f examples/origin-ruby-sample.yaml --keep-tag-revisions 1 --keep-younger-than 0 --in-place

${COMMON_HELP}

${EXIT_HELP}
`,
};
