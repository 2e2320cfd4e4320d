/**
 * `oc tag` argument parsing and validation (docs/behaviour.md §15, OC `pkg/cli/tag/tag.go`).
 *
 * `planTag` reproduces `Complete`, `Validate` and the per-destination checks of `Run`, in that
 * order, and returns what `oc` would send for every destination plus the message it would print.
 */
import { BadRequestError, ImageStreamError, NotFoundError, quoteInput } from "../errors.js";
import type { ImageStream, TagReference } from "../model/index.js";
import { splitImageStreamTag } from "../names/index.js";
import {
  type DockerImageReference,
  exactReference,
  nameString,
  parseDockerImageReference,
} from "../reference/index.js";
import { latestTaggedImage } from "../resolve/index.js";

/**
 * The kinds a tag source can have (`from.kind` of the resulting spec tag).
 *
 * @example
 * ```ts
 * const kind: TagSourceKind = "ImageStreamTag";
 * ```
 * @public
 */
export type TagSourceKind = "DockerImage" | "ImageStreamTag" | "ImageStreamImage";

/**
 * The arguments and flags of one `oc tag` invocation.
 *
 * `source` is SOURCE (absent with `-d`), `destinations` are the DEST arguments
 * (`[namespace/]stream:tag`), `namespace` is the current project. Flags keep their `oc` spelling:
 * `sourceKind` = `--source`, `referencePolicy` = `--reference-policy` (`source` | `local`, default
 * `source`), `importMode` = `--import-mode` (`Legacy` | `PreserveOriginal`, empty = `Legacy`).
 *
 * @example
 * ```ts
 * const request: TagRequest = { source: "python:3.5", destinations: ["python:latest"], namespace: "default" };
 * ```
 * @public
 */
export interface TagRequest {
  /** SOURCE: an image stream tag, an image stream image or a container image pull spec. */
  readonly source?: string | undefined;
  /** DEST arguments, `[namespace/]stream:tag`. */
  readonly destinations: readonly string[];
  /** `--source`: `docker`, `dockerimage`, `imagestreamtag`, `istag`, `imagestreamimage`, `isimage`. */
  readonly sourceKind?: string | undefined;
  /** `-d` / `--delete`. */
  readonly delete?: boolean | undefined;
  /** `--alias`. */
  readonly alias?: boolean | undefined;
  /** `--reference`. */
  readonly reference?: boolean | undefined;
  /** `--scheduled`. */
  readonly scheduled?: boolean | undefined;
  /** `--insecure`. */
  readonly insecure?: boolean | undefined;
  /** `--reference-policy` (`source` or `local`, default `source`). */
  readonly referencePolicy?: string | undefined;
  /** `--import-mode` (`Legacy` or `PreserveOriginal`; empty means `Legacy`). */
  readonly importMode?: string | undefined;
  /** The current project (`oc project`). */
  readonly namespace: string;
}

/**
 * The SOURCE of a tag request after parsing, kind inference and (optionally) client-side resolution.
 *
 * @example
 * ```ts
 * const source: TagPlanSource = planTag({ source: "docker.io/python:3.6.0", destinations: ["python:3.6"], namespace: "default" }).source!;
 * source.kind; // "DockerImage"
 * ```
 * @public
 */
export interface TagPlanSource {
  /** The kind the spec tag's `from` will have. */
  readonly kind: TagSourceKind;
  /** The parsed (and possibly resolved) SOURCE. */
  readonly ref: DockerImageReference;
  /** SOURCE as typed. */
  readonly input: string;
}

/**
 * One DEST after parsing.
 *
 * @example
 * ```ts
 * const d: TagDestination = { namespace: "default", name: "python", tag: "latest", nameAndTag: "python:latest", sameNamespace: true };
 * ```
 * @public
 */
export interface TagDestination {
  /** Namespace of the destination stream (the current project when DEST has none). */
  readonly namespace: string;
  /** Destination image stream name. */
  readonly name: string;
  /** Destination tag (`latest` for `stream:`). */
  readonly tag: string;
  /** DEST without its namespace, as typed (used verbatim in messages). */
  readonly nameAndTag: string;
  /** Whether the destination namespace is the current project. */
  readonly sameNamespace: boolean;
}

/**
 * The ImageStreamTag object `oc tag` sends (PUT `imagestreamtags/<stream>:<tag>`, R15.10).
 *
 * @example
 * ```ts
 * const istag: TagImageStreamTagRequest = {
 *   kind: "ImageStreamTag",
 *   apiVersion: "image.openshift.io/v1",
 *   metadata: { name: "python:3.6", namespace: "default" },
 *   tag: { name: "3.6", from: { kind: "DockerImage", name: "docker.io/python:3.6.0" }, generation: 0 },
 * };
 * ```
 * @public
 */
export interface TagImageStreamTagRequest {
  readonly kind: "ImageStreamTag";
  readonly apiVersion: "image.openshift.io/v1";
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly tag: TagReference;
}

/**
 * What `oc tag` does for one destination: the request it sends (absent for `-d`) and the line it prints.
 *
 * @example
 * ```ts
 * const step: TagPlanStep = planTag({ source: "docker.io/python:3.6.0", destinations: ["python:3.6"], namespace: "default" }).steps[0]!;
 * step.message; // "Tag python:3.6 set to docker.io/python:3.6.0."
 * ```
 * @public
 */
export interface TagPlanStep {
  /** The parsed destination. */
  readonly destination: TagDestination;
  /** The ImageStreamTag sent with PUT (R15.10); absent when deleting. */
  readonly imageStreamTag?: TagImageStreamTagRequest;
  /** The line printed on success (R15.11, or `Deleted tag <ns>/<stream>:<tag>.` for `-d`). */
  readonly message: string;
}

/**
 * The validated plan of an `oc tag` invocation.
 *
 * @example
 * ```ts
 * const plan: TagPlan = planTag({ destinations: ["python:3.5"], delete: true, namespace: "default" });
 * plan.operation; // "delete"
 * ```
 * @public
 */
export interface TagPlan {
  /** `tag` (SOURCE DEST…) or `delete` (`-d DEST…`). */
  readonly operation: "tag" | "delete";
  /** The current project. */
  readonly namespace: string;
  /** The source, for `tag`. */
  readonly source?: TagPlanSource;
  /**
   * True when SOURCE is a non-alias ImageStreamTag that still has to be resolved to its current
   * image (R15.5) because no `getImageStream` was given; `tag()` resolves it.
   */
  readonly needsResolution: boolean;
  /** One step per destination, in argument order. */
  readonly steps: readonly TagPlanStep[];
}

/**
 * Look-ups `planTag` may use to resolve an ImageStreamTag SOURCE (R15.5).
 *
 * @example
 * ```ts
 * const opts: TagPlanOptions = { getImageStream: (ns, name) => undefined };
 * ```
 * @public
 */
export interface TagPlanOptions {
  /** Returns the image stream `namespace/name`, or `undefined` when it does not exist. */
  readonly getImageStream?: ((namespace: string, name: string) => ImageStream | undefined) | undefined;
}

const VALID_SOURCES = "docker, dockerimage, imagestreamimage, imagestreamtag, isimage, istag";

/** `--source` value → Kind (the RESTMapper resolves resource names case-insensitively). */
function determineSourceKind(input: string): TagSourceKind | undefined {
  switch (input.toLowerCase()) {
    case "imagestreamtag":
    case "istag":
      return "ImageStreamTag";
    case "imagestreamimage":
    case "isimage":
      return "ImageStreamImage";
    case "docker":
    case "dockerimage":
      return "DockerImage";
    default:
      return undefined;
  }
}

/** Go's `%q` for the strings we print (JSON escaping is identical for printable input), at most 256 characters. */
function quote(s: string): string {
  return quoteInput(s);
}

/** A printable form of any user value (never throws, unlike `String()` on a null-prototype object). */
function display(v: unknown): string {
  if (typeof v === "string") return v;
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return typeof v;
  }
}

function fail(message: string, cause?: unknown): never {
  throw new BadRequestError(message, cause === undefined ? {} : { cause });
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `parseStreamName` of OC/tag (R15.6). */
function parseStreamName(defaultNamespace: string, arg: string): { namespace: string; nameAndTag: string } {
  if (!arg.includes("/")) return { namespace: defaultNamespace, nameAndTag: arg };
  const parts = arg.split("/");
  if (parts.length !== 2) fail(`invalid image stream ${quote(arg)}`);
  const [namespace = "", nameAndTag = ""] = parts;
  if (namespace.length === 0) fail(`invalid namespace "" for image stream ${quote(arg)}`);
  if (nameAndTag.length === 0) fail(`invalid name "" for image stream ${quote(arg)}`);
  return { namespace, nameAndTag };
}

const TAG_HEAD = /^[A-Za-z0-9_]$/;
const TAG_REST = /^[A-Za-z0-9_.-]$/;

/**
 * R15.9: `^[\w][\w.-]{0,127}$` (Go `\w` is ASCII letters, digits and `_`).
 *
 * @example
 * ```ts
 * isValidTagName("3.6"); // true
 * isValidTagName(".hidden"); // false
 * ```
 * @public
 */
export function isValidTagName(tag: string): boolean {
  if (typeof tag !== "string" || tag.length === 0 || tag.length > 128) return false;
  if (!TAG_HEAD.test(tag[0] as string)) return false;
  for (let i = 1; i < tag.length; i++) {
    if (!TAG_REST.test(tag[i] as string)) return false;
  }
  return true;
}

function parseSource(source: string): DockerImageReference {
  try {
    return parseDockerImageReference(source);
  } catch (err) {
    if (err instanceof ImageStreamError) fail(`invalid SOURCE: ${err.message}`, err);
    throw err;
  }
}

/** R15.5: replaces a non-alias ImageStreamTag source by the image it currently points to. */
function resolveSource(
  input: string,
  ref: DockerImageReference,
  currentNamespace: string,
  getImageStream: (namespace: string, name: string) => ImageStream | undefined,
): { kind: TagSourceKind; ref: DockerImageReference } {
  const srcNamespace = ref.namespace.length > 0 ? ref.namespace : currentNamespace;
  const stream = getImageStream(srcNamespace, ref.name);
  if (stream === undefined) throw new NotFoundError({ resource: "imagestreams", name: ref.name });
  const event = latestTaggedImage(stream, ref.tag);
  if (event === undefined) {
    fail(`${quote(input)} is not currently pointing to an image, cannot use it as the source of a tag`);
  }
  if (!event.image) {
    try {
      return { kind: "DockerImage", ref: parseDockerImageReference(event.dockerImageReference ?? "") };
    } catch (err) {
      fail(
        `the image stream tag ${quote(input)} has an invalid pull spec and cannot be used to tag: ${errorMessage(err)}`,
        err,
      );
    }
  }
  return { kind: "ImageStreamImage", ref: { ...ref, id: event.image, tag: "" } };
}

function buildMessage(destination: TagDestination, ref: string, alias: boolean, scheduled: boolean): string {
  const { sameNamespace, namespace, nameAndTag } = destination;
  if (alias) {
    return sameNamespace
      ? `Tag ${nameAndTag} set up to track ${ref}.`
      : `Tag ${namespace}/${nameAndTag} set up to track ${ref}.`;
  }
  if (scheduled) {
    return sameNamespace
      ? `Tag ${nameAndTag} set to import ${ref} periodically.`
      : `Tag ${namespace}/${nameAndTag} set to ${ref} periodically.`;
  }
  return sameNamespace ? `Tag ${nameAndTag} set to ${ref}.` : `Tag ${namespace}/${nameAndTag} set to ${ref}.`;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/**
 * Parses and validates an `oc tag` invocation exactly as `oc` does (R15.1–R15.10) and returns,
 * per destination, the ImageStreamTag `oc` would PUT and the message it would print (R15.11).
 *
 * Checks run in `oc`'s order: argument count (R15.1), `--source` (R15.2), SOURCE parsing and
 * kind rules (R15.3, R15.4), client-side resolution of a non-alias ImageStreamTag source (R15.5,
 * only when `opts.getImageStream` is given), DEST parsing (R15.6), the validations of R15.7, then
 * per destination the `<stream_name>:<tag>` form and the tag-name rule (R15.9). Every failure is a
 * `BadRequestError` with the `oc` message (a missing source stream is a `NotFoundError`).
 *
 * @param request - the arguments and flags.
 * @param opts - `getImageStream` to resolve an ImageStreamTag SOURCE to its current image.
 * @example
 * ```ts
 * const plan = planTag({ source: "docker.io/python:3.6.0", destinations: ["python:3.6"], scheduled: true, namespace: "default" });
 * plan.steps[0]!.message; // "Tag python:3.6 set to import docker.io/python:3.6.0 periodically."
 * plan.steps[0]!.imageStreamTag!.tag.generation; // 0
 * ```
 * @public
 */
export function planTag(request: TagRequest, opts: TagPlanOptions = {}): TagPlan {
  if (request === null || typeof request !== "object") fail("a tag request object is required");
  const namespace = str(request.namespace) ?? "";
  const isDelete = request.delete === true;
  const alias = request.alias === true;
  const scheduled = request.scheduled === true;
  const insecure = request.insecure === true;
  const referenceTag = request.reference === true;
  const rawKind = str(request.sourceKind) ?? "";
  const source = str(request.source);
  const destinations: readonly unknown[] = Array.isArray(request.destinations) ? request.destinations : [];

  // R15.1 (Complete): no arguments at all.
  if (!isDelete && source === undefined && destinations.length === 0) {
    fail("you must specify a source and at least one destination or one or more tags to delete");
  }

  // Complete: the source (R15.2–R15.5).
  let kind = "";
  let ref: DockerImageReference | undefined;
  let needsResolution = false;
  if (!isDelete) {
    let sourceKind: TagSourceKind | "" = "";
    if (rawKind.length > 0) {
      const k = determineSourceKind(rawKind);
      if (k === undefined) fail(`invalid source ${quote(rawKind)}; valid values are ${VALID_SOURCES}`);
      sourceKind = k;
    }
    if (source !== undefined) {
      let parsed = parseSource(source);
      switch (sourceKind) {
        case "ImageStreamTag":
        case "ImageStreamImage":
          if (parsed.registry.length > 0)
            fail("server in SOURCE is only allowed when providing a container image");
          if (parsed.namespace === "library") parsed = { ...parsed, namespace };
          if (sourceKind === "ImageStreamTag" && parsed.tag.length === 0) {
            fail("--source=ImageStreamTag requires a valid <name>:<tag> in SOURCE");
          }
          if (sourceKind === "ImageStreamImage" && parsed.id.length === 0) {
            fail("--source=ImageStreamImage requires a valid <name>@<id> in SOURCE");
          }
          break;
        case "":
          if (parsed.registry.length > 0) sourceKind = "DockerImage";
          else if (parsed.id.length > 0) sourceKind = "ImageStreamImage";
          else if (parsed.tag.length > 0) sourceKind = "ImageStreamTag";
          else sourceKind = "DockerImage";
          break;
        default:
          break;
      }
      if (sourceKind === "ImageStreamTag" && !alias) {
        if (opts.getImageStream) {
          const resolved = resolveSource(source, parsed, namespace, opts.getImageStream);
          sourceKind = resolved.kind;
          parsed = resolved.ref;
        } else {
          needsResolution = true;
        }
      }
      ref = parsed;
    }
    kind = sourceKind;
  } else {
    kind = rawKind;
  }

  // Complete: destinations (R15.6).
  const parsedDests = destinations.map((d) => {
    const arg = typeof d === "string" ? d : fail(`invalid image stream ${quote(display(d))}`);
    return parseStreamName(namespace, arg);
  });

  // Validate (R15.7).
  if (isDelete && alias) fail("--alias and --delete may not be both specified");
  const referencePolicy = request.referencePolicy === undefined ? "source" : request.referencePolicy;
  if (referencePolicy !== "source" && referencePolicy !== "local") {
    fail("reference policy must be set to 'source' or 'local'");
  }
  const importModeInput = str(request.importMode) ?? "";
  if (isDelete) {
    if (kind.length > 0) fail("cannot specify a source kind when deleting");
    if (source !== undefined && source.length > 0) fail("cannot specify a source when deleting");
    if (scheduled || insecure) fail("cannot set flags for importing images when deleting a tag");
    if (importModeInput.length > 0) fail("cannot specify an import mode when deleting");
  } else {
    if (kind.length === 0) fail("a source kind is required");
    if (ref === undefined) fail("a source is required");
  }
  if (parsedDests.length === 0) fail("at least a destination is required");
  if (kind !== "DockerImage" && (scheduled || insecure))
    fail("only container images can have importing flags set");
  if (alias) {
    if (scheduled || insecure) fail("cannot set a container image tag as an alias and also set import flags");
    let cross = false;
    for (const d of parsedDests) {
      if (d.namespace !== namespace) {
        cross = true;
        break;
      }
      const split = splitImageStreamTag(d.nameAndTag);
      if (!split.ok) fail(`${quote(d.nameAndTag)} must be of the form <stream_name>:<tag>`);
      if (ref?.name !== split.name) {
        cross = true;
        break;
      }
    }
    if (cross) fail("cannot set alias across different Image Streams");
  }
  let importMode: "Legacy" | "PreserveOriginal" = "Legacy";
  if (!isDelete && importModeInput.length > 0) {
    if (importModeInput !== "Legacy" && importModeInput !== "PreserveOriginal") {
      fail("valid ImportMode values are Legacy or PreserveOriginal");
    }
    importMode = importModeInput;
  }

  // Run: per destination.
  const refExact = ref === undefined ? "" : exactReference(ref);
  const steps: TagPlanStep[] = parsedDests.map((d) => {
    const split = splitImageStreamTag(d.nameAndTag);
    if (!split.ok) fail(`${quote(d.nameAndTag)} must be of the form <stream_name>:<tag>`);
    const destination: TagDestination = {
      namespace: d.namespace,
      name: split.name,
      tag: split.tag,
      nameAndTag: d.nameAndTag,
      sameNamespace: d.namespace === namespace,
    };
    if (isDelete) {
      return { destination, message: `Deleted tag ${d.namespace}/${d.nameAndTag}.` };
    }
    if (!isValidTagName(split.tag)) {
      fail(
        `invalid tag ${quote(split.tag)} format, tags must start with an alphanumeric character followed by alphanumeric, '.' or '-' characters, and have a maximum of 128 characters`,
      );
    }
    const srcRef = ref as DockerImageReference;
    const sourceKind = kind as TagSourceKind;
    let from: { kind: string; name: string; namespace?: string };
    let generation: number | null = null;
    if (sourceKind === "DockerImage") {
      from = { kind: sourceKind, name: refExact };
      generation = 0;
    } else {
      let fromNamespace = srcRef.namespace;
      if (fromNamespace.length === 0 && d.namespace !== namespace) fromNamespace = namespace;
      from = {
        kind: sourceKind,
        name: nameString(srcRef),
        ...(fromNamespace.length > 0 ? { namespace: fromNamespace } : {}),
      };
    }
    const tag = {
      name: split.tag,
      annotations: null,
      from,
      reference: referenceTag,
      generation,
      importPolicy: { insecure, scheduled, importMode },
      referencePolicy: { type: referencePolicy === "local" ? "Local" : "Source" },
    } as unknown as TagReference;
    return {
      destination,
      imageStreamTag: {
        kind: "ImageStreamTag",
        apiVersion: "image.openshift.io/v1",
        metadata: { name: `${split.name}:${split.tag}`, namespace: d.namespace },
        tag,
      },
      message: buildMessage(destination, refExact, alias, scheduled),
    };
  });

  return {
    operation: isDelete ? "delete" : "tag",
    namespace,
    ...(ref !== undefined ? { source: { kind: kind as TagSourceKind, ref, input: source as string } } : {}),
    needsResolution,
    steps,
  };
}
