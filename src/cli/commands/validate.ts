/**
 * `imagestream validate`: checks every object of the inputs as the API server would on create.
 */

import { type FieldError, ImageStreamError, InvalidError } from "../../errors.js";
import {
  safeParseImage,
  safeParseImageStream,
  safeParseImageStreamImport,
  safeParseImageStreamMapping,
  safeParseImageStreamTag,
  validateImage,
  validateImageStream,
  validateImageStreamImport,
  validateImageStreamMapping,
  validateImageStreamTag,
} from "../../schemas.js";
import { stringsFlag } from "../args.js";
import type { Command, CommandContext, CommandResult } from "../command.js";
import { quoteInput, UsageError } from "../errors.js";
import { COMMON_HELP, EXIT_HELP } from "../help.js";
import { entriesOf, readInputs } from "../input.js";

/** Per kind: the shape check (zod schema, B) and the API server's validation (C). */
const CHECKS: Readonly<
  Record<
    string,
    {
      parse: (raw: unknown) => { success: boolean; error?: InvalidError };
      validate: (raw: unknown) => FieldError[];
    }
  >
> = {
  ImageStream: { parse: safeParseImageStream, validate: (raw) => validateImageStream(raw) },
  ImageStreamMapping: {
    parse: safeParseImageStreamMapping,
    validate: (raw) => validateImageStreamMapping(raw),
  },
  Image: { parse: safeParseImage, validate: (raw) => validateImage(raw) },
  ImageStreamImport: { parse: safeParseImageStreamImport, validate: (raw) => validateImageStreamImport(raw) },
  ImageStreamTag: { parse: safeParseImageStreamTag, validate: (raw) => validateImageStreamTag(raw) },
};

function nameOf(raw: Readonly<Record<string, unknown>>): { name: string; namespace: string } {
  const m = raw.metadata as { name?: unknown; namespace?: unknown } | undefined;
  return {
    name: typeof m?.name === "string" ? m.name : "",
    namespace: typeof m?.namespace === "string" ? m.namespace : "",
  };
}

function run(ctx: CommandContext): CommandResult {
  if (ctx.args.positionals.length > 0)
    throw new UsageError(`unexpected argument ${quoteInput(ctx.args.positionals[0] ?? "")}`, "validate");
  // Read the files directly: the workspace would stop at the first malformed stream.
  const files = readInputs("validate", stringsFlag(ctx.args, "filename"));
  const out: string[] = [];
  const err: string[] = [];
  const entries = entriesOf(files);
  // An empty file (no document, only comments, empty documents or an empty List) is an error, as
  // `kubectl create -f` says "no objects passed to create": an empty file is not a valid one.
  const withObjects = new Set(entries.map((e) => e.file));
  for (const file of files)
    if (!withObjects.has(file)) err.push(`error: ${file.arg}: no objects passed to validate`);
  for (const entry of entries) {
    const { name, namespace } = nameOf(entry.raw);
    const label = `${entry.kind} ${namespace === "" ? name : `${namespace}/${name}`}`;
    const check = Object.hasOwn(CHECKS, entry.kind) ? CHECKS[entry.kind] : undefined;
    if (check === undefined) {
      out.push(`${label}: skipped (${entry.where}: not an image API object)`);
      continue;
    }
    let fieldErrors: FieldError[];
    try {
      const shape = check.parse(entry.raw);
      if (!shape.success && shape.error !== undefined) {
        err.push(`error: ${entry.where}: ${shape.error.message}`);
        continue;
      }
      fieldErrors = check.validate(entry.raw);
    } catch (e) {
      if (!(e instanceof ImageStreamError)) throw e;
      err.push(`error: ${entry.where}: ${e.message}`);
      continue;
    }
    if (fieldErrors.length === 0) {
      out.push(`${label}: valid`);
      continue;
    }
    const invalid = new InvalidError({ kind: entry.kind, name, fieldErrors });
    err.push(`error: ${entry.where}: ${invalid.message}`);
  }
  return {
    stdout: out.length > 0 ? `${out.join("\n")}\n` : "",
    stderr: err.length > 0 ? `${err.join("\n")}\n` : "",
    exitCode: err.length > 0 ? 1 : 0,
  };
}

/** The `validate` subcommand. */
export const validateCommand: Command = {
  name: "validate",
  summary:
    "Validate objects as the API server would (ImageStream, ImageStreamMapping, Image, ImageStreamImport)",
  flags: {},
  outputs: [],
  mutates: false,
  needsInput: true,
  run,
  help: `Validate objects as the API server would on create.

Usage:
  imagestream validate -f FILE [-f FILE ...]

Every ImageStream, ImageStreamMapping, Image, ImageStreamImport and ImageStreamTag of the inputs
is checked for its shape (field types) and with the API server's validation rules (names,
namespaces, tag references, pull specs, ...). Valid objects are listed on standard output; each
invalid one prints one line on standard error with the message the API server would answer, and
the exit status is 1. Other kinds are skipped. A file without any object is an error too.

Examples:
  # Check a stream before committing it
  imagestream validate -f examples/python.yaml

${COMMON_HELP}

${EXIT_HELP}
`,
};
