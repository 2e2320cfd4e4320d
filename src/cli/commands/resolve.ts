/**
 * `imagestream resolve IMAGE`: how the ImagePolicy admission plugin rewrites (or rejects) a
 * container image string through the image streams' lookup policy (docs/behaviour.md §14).
 */

import { readFileSync } from "node:fs";
import {
  type ImagePolicyConfig,
  type ImageResolutionType,
  type LookupOwnerReference,
  resolveImageReference,
} from "../../index.js";
import { boolFlag, stringFlag, stringsFlag } from "../args.js";
import type { Command, CommandContext, CommandResult } from "../command.js";
import { CliError, fsErrorMessage, quoteInput, UsageError } from "../errors.js";
import { COMMON_HELP, EXIT_HELP } from "../help.js";
import { parseText } from "../input.js";
import { formatObjects } from "../write.js";
import { expectArgs, serverOptions } from "./common.js";

const RESOLVE_NAMES_ANNOTATION = "alpha.image.policy.openshift.io/resolve-names";

const RESOLUTION_TYPES: readonly string[] = [
  "RequiredRewrite",
  "Required",
  "AttemptRewrite",
  "Attempt",
  "DoNotAttempt",
];

/** The ImagePolicy configuration from `--policy-config FILE` and `--resolve-images POLICY`. */
function policyOf(ctx: CommandContext): ImagePolicyConfig | undefined {
  const file = stringFlag(ctx.args, "policy-config");
  const resolveImages = stringFlag(ctx.args, "resolve-images");
  if (resolveImages !== undefined && !RESOLUTION_TYPES.includes(resolveImages))
    throw new UsageError(
      `invalid argument ${quoteInput(resolveImages)} for "--resolve-images" flag: expected one of ${RESOLUTION_TYPES.join(", ")}`,
      ctx.command,
    );
  let config: ImagePolicyConfig | undefined;
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      throw new CliError(fsErrorMessage("open", file, err));
    }
    const docs = parseText(file, text, file.toLowerCase().endsWith(".json") ? "json" : "yaml");
    const value = docs[0]?.value;
    if (docs.length !== 1 || typeof value !== "object" || value === null || Array.isArray(value))
      throw new CliError(`${file}: expected one ImagePolicyConfig object`);
    // checked by resolveImageReference (unknown policies and rules without a resource are Invalid)
    config = value as ImagePolicyConfig;
  }
  if (resolveImages === undefined) return config;
  return { ...config, resolveImages: resolveImages as ImageResolutionType };
}

function run(ctx: CommandContext): CommandResult {
  const images = expectArgs(ctx, 1, Number.POSITIVE_INFINITY, "IMAGE");
  const operation = stringFlag(ctx.args, "operation") ?? "create";
  if (operation !== "create" && operation !== "update")
    throw new UsageError(
      `invalid argument ${quoteInput(operation)} for "--operation" flag: expected create or update`,
      ctx.command,
    );
  const pairs: Array<[string, string]> = [];
  for (const a of stringsFlag(ctx.args, "annotation")) {
    const eq = a.indexOf("=");
    if (eq <= 0) throw new UsageError(`invalid annotation ${quoteInput(a)}: expected KEY=VALUE`, ctx.command);
    pairs.push([a.slice(0, eq), a.slice(eq + 1)]);
  }
  if (boolFlag(ctx.args, "resolve-names")) pairs.push([RESOLVE_NAMES_ANNOTATION, "*"]);
  // fromEntries defines own properties: a key such as __proto__ stays an ordinary annotation.
  const annotations: Record<string, string> = Object.fromEntries(pairs);
  const ws = ctx.workspace();
  const resource = stringFlag(ctx.args, "resource") ?? "pods";
  const policy = policyOf(ctx);
  const ownerReferences: LookupOwnerReference[] = boolFlag(ctx.args, "controller-owned")
    ? [{ controller: true }]
    : [];
  const opts = {
    ...serverOptions(ctx, ws),
    namespace: ws.namespace,
    resource,
    operation,
    annotations,
    ownerReferences,
    ...(policy !== undefined ? { policy } : {}),
  } as const;
  const results = images.map((image) => resolveImageReference(image, opts));
  const rejected = results.some((r) => r.kind === "rejected");
  if (ctx.output !== undefined)
    return {
      stdout: formatObjects(results, ctx.output === "json" ? "json" : "yaml"),
      ...(rejected ? { exitCode: 1 } : {}),
    };
  const lines: string[] = [];
  const errors: string[] = [];
  for (const r of results) {
    if (r.kind === "rewrite")
      lines.push(
        `${r.original} -> ${r.image} (${r.imageStreamTag === "" ? "image" : `image stream tag ${r.imageStreamTag}`}${r.fallback ? ", no image yet" : ""})`,
      );
    else if (r.kind === "unchanged")
      lines.push(`${r.image} unchanged: ${r.reason}${r.message !== undefined ? `: ${r.message}` : ""}`);
    else errors.push(`error: ${r.image} rejected: ${r.reason}: ${r.message}`);
  }
  return {
    stdout: lines.length > 0 ? `${lines.join("\n")}\n` : "",
    ...(errors.length > 0 ? { stderr: `${errors.join("\n")}\n`, exitCode: 1 } : {}),
  };
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
    "controller-owned": { type: "boolean" },
    "resolve-images": { type: "string" },
    "policy-config": { type: "string" },
  },
  outputs: ["yaml", "json"],
  mutates: false,
  needsInput: true,
  run,
  help: `Resolve container image strings as the ImagePolicy admission plugin does (lookup policy).

Usage:
  imagestream resolve IMAGE [IMAGE...] -f FILE [--resource R] [--operation create|update]
                      [--annotation KEY=VALUE ...] [--resolve-names] [--controller-owned]
                      [--resolve-images POLICY] [--policy-config FILE] [-o yaml|json]

A short name such as "mysql" or "php:latest" in an object of the current project is looked up as
the image stream tag <name>:<tag> of that project. When the stream has spec.lookupPolicy.local
(or the object asks for resolution with --resolve-names), the string is rewritten to the tag's
image by digest (honouring the tag's reference policy); otherwise it is kept, and the reason is
printed. Prints "IMAGE -> NEW (image stream tag NS/NAME:TAG)" or "IMAGE unchanged: REASON".
Under a Required or RequiredRewrite policy, an image that cannot be resolved rejects the object:
"error: IMAGE rejected: REASON: MESSAGE" on standard error, and the exit status is 1.

Flags:
      --resource R          The resource holding the image: pods (default), deployments.apps,
                            builds.build.openshift.io, jobs.batch, statefulsets.apps, ...
      --operation OP        create (default) or update (updates of jobs and builds are never
                            rewritten).
      --annotation K=V      An annotation of the object or its pod template (repeatable).
      --resolve-names       Same as --annotation ${RESOLVE_NAMES_ANNOTATION}=*
      --controller-owned    The object has a controller owner reference: the plugin skips it.
      --resolve-images P    The plugin's resolveImages: RequiredRewrite, Required, AttemptRewrite,
                            Attempt (default) or DoNotAttempt.
      --policy-config FILE  The plugin's ImagePolicyConfig (YAML or JSON: resolveImages and
                            resolutionRules); --resolve-images overrides its resolveImages.
  -o, --output FORMAT       Print the results as yaml or json.

Examples:
  imagestream resolve python:3.5 -f examples/python.yaml
  # Pin every image to its image stream's digest; reject those no stream knows (ruby)
  imagestream resolve python:3.5 docker.io/library/ruby -f examples/python.yaml --resolve-names \
    --resolve-images RequiredRewrite

${COMMON_HELP}

${EXIT_HELP}
`,
};
