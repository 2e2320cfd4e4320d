/**
 * One reducer over every operation on an image stream, for controllers and event logs.
 */
import { z } from "zod";
import { type FieldError, InvalidError, invalidField, NotFoundError, requiredField } from "../errors.js";
import {
  type ImageStream,
  ImageStreamImportSchema,
  ImageStreamMappingSchema,
  ImageStreamSchema,
} from "../model/index.js";
import {
  applyImageStreamMapping,
  applyImportResult,
  type ImportOptions,
  updateImageStream,
  updateImageStreamStatus,
} from "../server/index.js";
import { type PruneOptions, pruneTagHistory } from "./prune.js";
import { rollbackTag, tag, untag } from "./tag.js";
import type { TagRequest } from "./tag-plan.js";

const TagRequestFields = {
  source: z.string().optional(),
  destinations: z.array(z.string()),
  sourceKind: z.string().optional(),
  alias: z.boolean().optional(),
  reference: z.boolean().optional(),
  scheduled: z.boolean().optional(),
  insecure: z.boolean().optional(),
  referencePolicy: z.string().optional(),
  importMode: z.string().optional(),
  namespace: z.string().optional(),
};

/**
 * Schema of one operation on an image stream: a zod discriminated union on `type`.
 *
 * * `mapping` — `{mapping}`: an ImageStreamMapping (registry push, §10).
 * * `tag` — `oc tag` flags and `destinations` (the current project defaults to the stream's namespace).
 * * `untag` — `{destinations, namespace?}`: `oc tag -d`.
 * * `rollback` — `{tag, revision}`.
 * * `update` — `{stream}`: PUT of the whole stream (R6.2).
 * * `statusUpdate` — `{stream}`: PUT of `/status` (R6.3).
 * * `import` — `{result}`: an ImageStreamImport with importer status (§11).
 * * `prune` — `{keepTagRevisions?, keepYoungerThan?}` (R17.2).
 *
 * @example
 * ```ts
 * OperationSchema.parse({ type: "tag", source: "python:3.5", destinations: ["python:latest"] });
 * ```
 * @public
 */
export const OperationSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("mapping"), mapping: ImageStreamMappingSchema }),
  z.object({ type: z.literal("tag"), ...TagRequestFields }),
  z.object({
    type: z.literal("untag"),
    destinations: z.array(z.string()),
    namespace: z.string().optional(),
  }),
  z.object({ type: z.literal("rollback"), tag: z.string(), revision: z.number().int().nonnegative() }),
  z.object({ type: z.literal("update"), stream: ImageStreamSchema }),
  z.object({ type: z.literal("statusUpdate"), stream: ImageStreamSchema }),
  z.object({ type: z.literal("import"), result: ImageStreamImportSchema }),
  z.object({
    type: z.literal("prune"),
    keepTagRevisions: z.number().int().nonnegative().optional(),
    keepYoungerThan: z.number().nonnegative().optional(),
  }),
]);

/**
 * One operation on an image stream (see {@link OperationSchema}).
 *
 * @example
 * ```ts
 * const op: Operation = { type: "rollback", tag: "latest", revision: 1 };
 * ```
 * @public
 */
export type Operation = z.infer<typeof OperationSchema>;

/**
 * Options of {@link applyOperation}: the server options plus the pruning and import hooks.
 *
 * @example
 * ```ts
 * const opts: OperationOptions = { now: "2024-01-01T00:00:00Z", isImageUsed: () => false };
 * ```
 * @public
 */
export interface OperationOptions extends ImportOptions {
  /** Passed to {@link pruneTagHistory}. */
  readonly isImageUsed?: PruneOptions["isImageUsed"];
  /** Passed to {@link pruneTagHistory}. */
  readonly isTagUsed?: PruneOptions["isTagUsed"];
}

function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path
      .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join("");
    if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) {
      return requiredField(field);
    }
    return invalidField(field, issue.input, issue.message);
  });
}

function streamNamespace(stream: ImageStream | undefined): string {
  const ns = stream?.metadata?.namespace;
  return typeof ns === "string" ? ns : "";
}

function tagRequest(op: Record<string, unknown>, stream: ImageStream | undefined): TagRequest {
  const { type: _type, namespace, ...rest } = op;
  return {
    ...(rest as Omit<TagRequest, "namespace">),
    namespace: (namespace as string | undefined) ?? streamNamespace(stream),
  };
}

/**
 * Applies one operation to a stream: the single reducer over `mapping`, `tag`, `untag`,
 * `rollback`, `update`, `statusUpdate`, `import` and `prune`. Each case calls the named function
 * (`applyImageStreamMapping`, `tag`, `untag`, `rollbackTag`, `updateImageStream`,
 * `updateImageStreamStatus`, `applyImportResult`, `pruneTagHistory`) and returns its stream, so
 * `reduce(ops, applyOperation)` replays an event log. A malformed operation throws
 * `InvalidError` (kind `Operation`) before anything is applied.
 *
 * @param stream - the current stream (`undefined` only for `tag` and `import`, which may create it;
 *   for the others a missing stream is the `NotFoundError` of the stream the operation names).
 * @param op - the operation (validated with {@link OperationSchema}).
 * @param opts - server options plus pruning hooks.
 * @example
 * ```ts
 * const next = applyOperation(python, { type: "tag", source: "python:3.5", destinations: ["python:latest"] }, { now });
 * ```
 * @public
 */
export function applyOperation(
  stream: ImageStream | undefined,
  op: unknown,
  opts: OperationOptions = {},
): ImageStream {
  const parsed = OperationSchema.safeParse(op);
  if (!parsed.success) {
    const type = typeof op === "object" && op !== null ? (op as { type?: unknown }).type : undefined;
    const name = typeof type === "string" ? type : "";
    throw new InvalidError({
      kind: "Operation",
      name,
      fieldErrors: issuesToFieldErrors(parsed.error.issues),
    });
  }
  const o = parsed.data;
  // A missing stream is the NotFound of the stream the operation names, as the API server answers
  // for a write to a stream that does not exist; an operation that names none needs `stream`.
  const needStream = (name: unknown = ""): ImageStream => {
    if (stream === undefined || stream === null) {
      if (typeof name === "string" && name !== "")
        throw new NotFoundError({ resource: "imagestreams", name });
      throw new InvalidError({ kind: "Operation", name: o.type, fieldErrors: [requiredField("stream")] });
    }
    return stream;
  };
  switch (o.type) {
    case "mapping":
      return applyImageStreamMapping(needStream(o.mapping.metadata?.name), o.mapping, opts).stream;
    case "tag":
      return tag(stream, tagRequest(o, stream), opts).stream;
    case "untag":
      // untag names the stream of the first destination when `stream` is missing
      return untag(stream, tagRequest(o, stream), opts).stream;
    case "rollback":
      return rollbackTag(
        o.tag.includes(":") ? stream : needStream(),
        { tag: o.tag, revision: o.revision },
        opts,
      ).stream;
    case "update":
      return updateImageStream(needStream(o.stream.metadata?.name), o.stream, opts);
    case "statusUpdate":
      return updateImageStreamStatus(needStream(o.stream.metadata?.name), o.stream, opts);
    case "import":
      return applyImportResult(stream, o.result, opts).stream;
    case "prune":
      return pruneTagHistory(needStream(), {
        ...(o.keepTagRevisions !== undefined ? { keepTagRevisions: o.keepTagRevisions } : {}),
        ...(o.keepYoungerThan !== undefined ? { keepYoungerThan: o.keepYoungerThan } : {}),
        ...(opts.now !== undefined ? { now: opts.now } : {}),
        ...(opts.isImageUsed !== undefined ? { isImageUsed: opts.isImageUsed } : {}),
        ...(opts.isTagUsed !== undefined ? { isTagUsed: opts.isTagUsed } : {}),
        ...(opts.getImage !== undefined ? { getImage: opts.getImage } : {}),
      });
  }
}
