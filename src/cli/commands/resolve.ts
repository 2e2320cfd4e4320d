/**
 * `imagestream resolve IMAGE`: how the ImagePolicy admission plugin rewrites a container image
 * string through the image streams' lookup policy (SEMANTICS §14).
 */
import { resolveImageReference } from "../../resolve/lookup.js";
import { boolFlag, stringFlag, stringsFlag } from "../args.js";
import type { Command, CommandContext, CommandResult } from "../command.js";
import { UsageError } from "../errors.js";
import { COMMON_HELP, EXIT_HELP } from "../help.js";
import { formatObjects } from "../write.js";
import { expectArgs, serverOptions } from "./common.js";

const RESOLVE_NAMES_ANNOTATION = "alpha.image.policy.openshift.io/resolve-names";

function run(ctx: CommandContext): CommandResult {
  const images = expectArgs(ctx, 1, Number.POSITIVE_INFINITY, "IMAGE");
  const operation = stringFlag(ctx.args, "operation") ?? "create";
  if (operation !== "create" && operation !== "update")
    throw new UsageError(
      `invalid argument "${operation}" for "--operation" flag: expected create or update`,
      ctx.command,
    );
  const pairs: Array<[string, string]> = [];
  for (const a of stringsFlag(ctx.args, "annotation")) {
    const eq = a.indexOf("=");
    if (eq <= 0) throw new UsageError(`invalid annotation "${a}": expected KEY=VALUE`, ctx.command);
    pairs.push([a.slice(0, eq), a.slice(eq + 1)]);
  }
  if (boolFlag(ctx.args, "resolve-names")) pairs.push([RESOLVE_NAMES_ANNOTATION, "*"]);
  // fromEntries defines own properties: a key such as __proto__ stays an ordinary annotation.
  const annotations: Record<string, string> = Object.fromEntries(pairs);
  const ws = ctx.workspace();
  const resource = stringFlag(ctx.args, "resource") ?? "pods";
  const opts = {
    ...serverOptions(ctx, ws),
    namespace: ws.namespace,
    resource,
    operation,
    annotations,
  } as const;
  const results = images.map((image) => resolveImageReference(image, opts));
  if (ctx.output !== undefined)
    return { stdout: formatObjects(results, ctx.output === "json" ? "json" : "yaml") };
  const lines = results.map((r) =>
    r.kind === "rewrite"
      ? `${r.original} -> ${r.image} (image stream tag ${r.imageStreamTag}${r.fallback ? ", no image yet" : ""})`
      : `${r.image} unchanged: ${r.reason}${r.message !== undefined ? `: ${r.message}` : ""}`,
  );
  return { stdout: `${lines.join("\n")}\n` };
}

/** The `resolve` subcommand. */
export const resolveCommand: Command = {
  name: "resolve",
  summary: "Resolve a container image string through the image streams' lookup policy",
  flags: {
    resource: { type: "string" },
    operation: { type: "string" },
    annotation: { type: "string", multiple: true },
    "resolve-names": { type: "boolean" },
  },
  outputs: ["yaml", "json"],
  mutates: false,
  needsInput: true,
  run,
  help: `Resolve container image strings as the ImagePolicy admission plugin does (lookup policy).

Usage:
  imagestream resolve IMAGE [IMAGE...] -f FILE [--resource R] [--operation create|update]
                      [--annotation KEY=VALUE ...] [--resolve-names] [-o yaml|json]

A short name such as "mysql" or "php:latest" in an object of the current project is looked up as
the image stream tag <name>:<tag> of that project. When the stream has spec.lookupPolicy.local
(or the object asks for resolution with --resolve-names), the string is rewritten to the tag's
image by digest (honouring the tag's reference policy); otherwise it is kept, and the reason is
printed. Prints "IMAGE -> NEW (image stream tag NS/NAME:TAG)" or "IMAGE unchanged: REASON".

Flags:
      --resource R          The resource holding the image: pods (default), deployments.apps,
                            builds.build.openshift.io, jobs.batch, statefulsets.apps, ...
      --operation OP        create (default) or update (updates of jobs, builds and statefulsets
                            are never rewritten).
      --annotation K=V      An annotation of the object or its pod template (repeatable).
      --resolve-names       Same as --annotation ${RESOLVE_NAMES_ANNOTATION}=*
  -o, --output FORMAT       Print the results as yaml or json.

Examples:
  imagestream resolve python:3.5 -f examples/python.yaml

${COMMON_HELP}

${EXIT_HELP}
`,
};
