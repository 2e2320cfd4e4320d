/**
 * `imagestream get is | istag | isimage | itag`: the tables of `oc get` (docs/behaviour.md §16.3), or the
 * objects with `-o`.
 */

import {
  getImageStreamTag,
  getImageTag,
  type ImageStream,
  type ImageStreamImage,
  type ImageStreamTag,
  type ImageTag,
  listImageStreamTags,
  listImageTags,
  parseImageStreamTagName,
} from "../../index.js";
import {
  formatImageStreamImageTable,
  formatImageStreamTable,
  formatImageStreamTagTable,
  formatImageTagTable,
} from "../../oc.js";
import { boolFlag } from "../args.js";
import type { Command, CommandContext, CommandResult } from "../command.js";
import { COMMON_HELP, EXIT_HELP } from "../help.js";
import { formatValue } from "../write.js";
import { namedImageStreamImages, serverOptions } from "./common.js";
import { parseResourceArgs } from "./resource.js";

function run(ctx: CommandContext): CommandResult {
  const { resource, names } = parseResourceArgs(ctx.command, ctx.args.positionals);
  const output = ctx.output;
  const all = boolFlag(ctx.args, "all-namespaces");
  const ws = ctx.workspace();
  const inScope = (s: ImageStream) => all || (s.metadata?.namespace ?? ws.namespace) === ws.namespace;
  const opts = serverOptions(ctx, ws);
  let objects: unknown[];
  if (resource === "is") {
    objects = names.length > 0 ? names.map((n) => ws.getStream(n)) : ws.streamList().filter(inScope);
    objects = (objects as ImageStream[]).map((s) => ws.forOutput(s));
  } else if (resource === "isimage") {
    objects = namedImageStreamImages(ctx, ws, names);
  } else if (resource === "imagetag") {
    objects =
      names.length > 0
        ? names.map((n) => {
            const { name, tag } = parseImageStreamTagName(n);
            return getImageTag(ws.getStream(name), tag, opts);
          })
        : listImageTags(ws.streamList().filter(inScope));
  } else if (names.length > 0) {
    objects = names.map((n) => {
      const { name, tag } = parseImageStreamTagName(n);
      return getImageStreamTag(ws.getStream(name), tag, opts);
    });
  } else {
    objects = ws
      .streamList()
      .filter(inScope)
      .flatMap((s) => listImageStreamTags(s, opts));
  }
  if (output === "yaml" || output === "json") {
    const value =
      names.length === 1
        ? objects[0]
        : { apiVersion: "v1", kind: "List", items: objects, metadata: { resourceVersion: "" } };
    return { stdout: formatValue(value, output) };
  }
  const tableOpts = { now: ctx.now, wide: output === "wide", withNamespace: all };
  let text: string;
  if (resource === "is") text = formatImageStreamTable(objects as ImageStream[], tableOpts);
  else if (resource === "isimage")
    text = formatImageStreamImageTable(objects as ImageStreamImage[], tableOpts);
  else if (resource === "imagetag") text = formatImageTagTable(objects as ImageTag[], tableOpts);
  else text = formatImageStreamTagTable(objects as ImageStreamTag[], tableOpts);
  if (text === "")
    return {
      stdout: "",
      stderr: all ? "No resources found\n" : `No resources found in ${ws.namespace} namespace.\n`,
    };
  return { stdout: text };
}

/** The `get` subcommand. */
export const getCommand: Command = {
  name: "get",
  summary: "List image streams, image stream tags, image stream images or image tags as oc get does",
  flags: { "all-namespaces": { type: "boolean", short: "A" } },
  outputs: ["yaml", "json", "wide"],
  mutates: false,
  needsInput: true,
  run,
  help: `List image streams, image stream tags, image stream images or image tags, as oc get
prints them.

Usage:
  imagestream get is [NAME...] -f FILE [-o wide|yaml|json] [-A]
  imagestream get istag [NAME:TAG...] -f FILE [-o wide|yaml|json] [-A]
  imagestream get isimage NAME@ID... -f FILE [-o wide|yaml|json]
  imagestream get itag [NAME:TAG...] -f FILE [-o yaml|json] [-A]

"get is" prints NAME, IMAGE REPOSITORY, TAGS (most recently updated first) and UPDATED;
"get istag" prints NAME, IMAGE REFERENCE and UPDATED (-o wide adds IMAGE NAME), one row per tag
with history (tags of reference-only or spec-only tags are not listed, as on a cluster).
"get isimage" prints NAME and UPDATED (-o wide adds IMAGE REFERENCE and IMAGE NAME) for each
named <stream>@<id> (a unique id prefix is enough; the Image object must be among the inputs).
"get itag" prints NAME, SPEC (Tag, Ref, Scheduled, Track or Push), STATUS (the source, Importing
or ImportFailed), HISTORY and UPDATED, one row per tag with a spec or a status entry.
With -o yaml|json the objects are printed instead: streams, or the ImageStreamTag,
ImageStreamImage or ImageTag views (for a named istag the Image object must be among the inputs).

Flags:
  -A, --all-namespaces    List the objects of every namespace, not just the current project.
  -o, --output FORMAT     wide, yaml or json.

Examples:
  imagestream get is -f examples/python.yaml -f examples/origin-ruby-sample.yaml -A
  imagestream get istag -f examples/python.yaml --now 2017-10-02T17:06:30Z
  imagestream get itag -f examples/python.yaml --now 2017-10-02T17:06:30Z

${COMMON_HELP}

${EXIT_HELP}
`,
};
