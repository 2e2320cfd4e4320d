/**
 * R4.1: validation of an ImageStream (upstream `ValidateImageStream` /
 * `ValidateImageStreamUpdate`, without the admin registry allow-list of R4.1.7).
 */

import { type FieldError, invalidField, requiredField } from "../errors.js";
import { isFrozenDown } from "../model/checked.js";
import { arr, asObj, byteLength, child, index, key, listAsMap, obj, str } from "./internal.js";
import { validateObjectMeta, validateObjectMetaUpdate } from "./k8s.js";
import { validateImageStreamName } from "./names.js";
import { parseForValidation } from "./reference.js";
import { validateTagReference } from "./tag-reference.js";

/** `reference.NameTotalLengthMax` of docker/distribution. */
const NAME_TOTAL_LENGTH_MAX = 255;

/**
 * Options of {@link validateImageStream}.
 *
 * @example
 * ```ts
 * const opts: ValidateImageStreamOptions = { old: storedStream };
 * validateImageStream(nextStream, opts);
 * ```
 * @public
 */
export interface ValidateImageStreamOptions {
  /**
   * The stored stream when validating an update: `metadata.name` and `metadata.namespace` must
   * then be unchanged (`field is immutable`).
   */
  readonly old?: unknown;
}

/**
 * Validates an ImageStream (docs/behaviour.md §4.1) and returns every field error, in upstream order:
 *
 * - R4.1.1 `metadata.name` required (`name or generateName is required`), a path segment, and
 *   matching `[a-z0-9]+(?:[._-][a-z0-9]+)*`;
 * - R4.1.2 `metadata.namespace` required and a DNS-1123 label;
 * - R4.1.3 `namespace/name` at most 255 characters
 *   (`'namespace/name' cannot be longer than 255 characters` on `metadata.name`);
 * - R4.1.4 `spec.dockerImageRepository` parses and has no tag or ID;
 * - R4.1.5 every spec tag via {@link validateTagReference} under `spec.tags[<name>]` (tag names
 *   themselves are not validated);
 * - R4.1.6 every status event: `status.tags[<tag>].items[<i>].dockerImageReference` required and parses;
 * - R4.1.8 generic metadata rules (labels, annotations; spec tag annotations are not checked).
 *
 * Spec and status tags are read the way the server stores them: duplicates by name keep the last
 * entry and errors come in tag name order. Any input shape is accepted; never throws.
 *
 * @param stream - an ImageStream (any shape)
 * @param opts - `old`: the stored stream, for an update
 * @example
 * ```ts
 * const errs = validateImageStream({ metadata: { name: "Ruby", namespace: "test" } });
 * errs[0]?.detail; // 'must match "[a-z0-9]+(?:[._-][a-z0-9]+)*"'
 * if (errs.length > 0) throw new InvalidError({ kind: "ImageStream", name: "Ruby", fieldErrors: errs });
 * ```
 * @public
 */
export function validateImageStream(stream: unknown, opts: ValidateImageStreamOptions = {}): FieldError[] {
  const s = asObj(stream);
  const meta = obj(s, "metadata");
  const errs: FieldError[] = [];
  if (opts.old !== undefined) {
    errs.push(...validateObjectMetaUpdate(meta, obj(asObj(opts.old), "metadata"), "metadata"));
  }
  errs.push(...validateObjectMeta(meta, true, validateImageStreamName, "metadata"));

  const name = str(meta, "name");
  const namespace = str(meta, "namespace");
  if (byteLength(`${namespace}/${name}`) > NAME_TOTAL_LENGTH_MAX) {
    errs.push(
      invalidField(
        "metadata.name",
        name,
        `'namespace/name' cannot be longer than ${NAME_TOTAL_LENGTH_MAX} characters`,
      ),
    );
  }

  const spec = obj(s, "spec");
  const repo = str(spec, "dockerImageRepository");
  if (repo !== "") {
    const path = "spec.dockerImageRepository";
    const parsed = parseForValidation(repo);
    if (!parsed.ok) errs.push(invalidField(path, repo, parsed.message));
    else {
      if (parsed.tag !== "") errs.push(invalidField(path, repo, "the repository name may not contain a tag"));
      if (parsed.id !== "") errs.push(invalidField(path, repo, "the repository name may not contain an ID"));
    }
  }

  const specTags = arr(spec, "tags");
  const checkSpecTag = (tag: string, tagRef: unknown): void => {
    if (validFrozen.has(tagRef as object)) return;
    const tagErrs = validateTagReference(tagRef, key("spec.tags", tag));
    if (tagErrs.length === 0) rememberValid(tagRef);
    else errs.push(...tagErrs);
  };
  // A list already strictly sorted by name (what the server stores) has no duplicate to drop and
  // is in the order errors are reported: walk it as is, without building the name map.
  if (strictlySortedByName(specTags)) for (const t of specTags) checkSpecTag(str(asObj(t), "name"), asObj(t));
  else for (const [tag, tagRef] of listAsMap(specTags, "name")) checkSpecTag(tag, tagRef);

  const statusTags = arr(obj(s, "status"), "tags");
  // A frozen list of status tags found valid, with every list in it: nothing in it can change.
  if (validFrozen.has(statusTags)) return errs;
  const before = errs.length;
  let allLists = Object.isFrozen(statusTags);
  for (const [tag, history] of listAsMap(statusTags, "tag")) {
    if (validFrozen.has(history as object)) continue;
    const items = arr(history, "items");
    let allValid = true;
    items.forEach((item, i) => {
      if (validFrozen.has(item as object)) return;
      allValid = false;
      const path = child(index(child(key("status.tags", tag), "items"), i), "dockerImageReference");
      const ref = str(asObj(item), "dockerImageReference");
      if (ref === "") {
        errs.push(requiredField(path));
        return;
      }
      const parsed = parseForValidation(ref);
      if (!parsed.ok) errs.push(invalidField(path, ref, parsed.message));
      else rememberValid(item);
    });
    // a frozen list whose frozen items were all valid already: its references cannot change
    const isList = typeof history === "object" && history !== null;
    if (isList && allValid && Object.isFrozen(history) && Object.isFrozen(items)) validFrozen.add(history);
    else if (!validFrozen.has(history as object)) allLists = false;
  }
  if (allLists && errs.length === before && statusTags.length > 0 && Object.isFrozen(statusTags)) {
    validFrozen.add(statusTags);
  }
  return errs;
}

/** True when every entry's `name` is a string greater than the one before (JS string order, as listAsMap sorts). */
function strictlySortedByName(list: readonly unknown[]): boolean {
  let prev: string | undefined;
  for (const t of list) {
    const name = str(asObj(t), "name");
    if (prev !== undefined && !(prev < name)) return false;
    prev = name;
  }
  return true;
}

/**
 * Spec tags and status events found valid, when deeply frozen: they cannot change, so a stream
 * that keeps them (every state the library returns shares its unchanged events) skips their
 * checks. Makes an update of one tag among thousands cost what changed, not the whole history.
 */
const validFrozen = new WeakSet<object>();

function rememberValid(v: unknown): void {
  if (typeof v === "object" && v !== null && isFrozenDown(v, 3)) validFrozen.add(v);
}

/**
 * Validates a status update of an ImageStream (`PUT imagestreams/status`, upstream
 * `ValidateImageStreamStatusUpdate`): `metadata.name`/`namespace` unchanged, labels and
 * annotations valid, and every status event reference that was **not** already in the old status
 * must parse (Invalid on each `status.tags[<tag>].items[<i>].dockerImageReference` holding it;
 * an empty reference fails with the parser's message too). The spec is not validated on this path.
 * Any input shape; never throws.
 *
 * @param next - the stream sent to the status endpoint (any shape)
 * @param old - the stored stream (any shape)
 * @example
 * ```ts
 * const old = { metadata: { name: "ruby", namespace: "test" } };
 * const next = { ...old, status: { tags: [{ tag: "latest", items: [{ dockerImageReference: "Bad" }] }] } };
 * validateImageStreamStatusUpdate(next, old)[0]?.detail; // "repository name must be lowercase"
 * ```
 * @public
 */
export function validateImageStreamStatusUpdate(next: unknown, old: unknown): FieldError[] {
  const n = asObj(next);
  const o = asObj(old);
  const errs = validateObjectMetaUpdate(obj(n, "metadata"), obj(o, "metadata"), "metadata");
  const oldRefs = new Set<string>();
  for (const [, history] of listAsMap(arr(obj(o, "status"), "tags"), "tag")) {
    for (const item of arr(history, "items")) oldRefs.add(str(asObj(item), "dockerImageReference"));
  }
  for (const [tag, history] of listAsMap(arr(obj(n, "status"), "tags"), "tag")) {
    arr(history, "items").forEach((item, i) => {
      const ref = str(asObj(item), "dockerImageReference");
      if (oldRefs.has(ref)) return;
      const parsed = parseForValidation(ref);
      if (!parsed.ok) {
        const path = child(index(child(key("status.tags", tag), "items"), i), "dockerImageReference");
        errs.push(invalidField(path, ref, parsed.message));
      }
    });
  }
  return errs;
}
