/**
 * `imagestreams` and `imagestreams/status`: get, list, create, update, patch and delete, through
 * the library's `createImageStream`, `updateImageStream` and `updateImageStreamStatus`, with the
 * generic registry's rules around them (kubernetes/kubernetes
 * `staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go`: `Create`, `Update` with
 * `AllowUnconditionalUpdate` false as openshift/openshift-apiserver
 * `pkg/image/apiserver/registry/imagestream/strategy.go` sets it, `Delete`; `handlers/patch.go`).
 */
import {
  AlreadyExistsError,
  BadRequestError,
  ConflictError,
  InvalidError,
  invalidField,
  NotFoundError,
} from "../../errors.js";
import type { ImageStream } from "../../model/index.js";
import { createImageStream, updateImageStream, updateImageStreamStatus } from "../../server/index.js";
import { asObjectOf, field, inNamespace, type JsonObject, metadataOf, namedAs, wire } from "./body.js";
import { type Context, commitStream, type Reply, type Routed } from "./context.js";
import { applyJsonPatch, applyMergePatch, jsonEqual, PatchError } from "./json-patch.js";
import { matchesSelectors, selectorsOf } from "./selectors.js";
import { patchNotApplicable, success, unsupportedMediaType } from "./status.js";

/** Upstream `OptimisticLockErrorMsg`. */
const OPTIMISTIC_LOCK =
  "the object has been modified; please apply your changes to the latest version and try again";

/** Media types `PATCH` accepts (strategic merge and apply patches are not served by the fake). */
export const PATCH_TYPES = ["application/json-patch+json", "application/merge-patch+json"] as const;

const SYSTEM_FIELDS = [
  "uid",
  "resourceVersion",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "generation",
  "managedFields",
  "selfLink",
] as const;

function text(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function metaOf(stream: ImageStream): JsonObject {
  return (stream.metadata ?? {}) as JsonObject;
}

/** The stored stream, or the upstream NotFound. */
export function storedStream(ctx: Context, namespace: string, name: string): ImageStream {
  const stream = ctx.store.stream(namespace, name);
  if (stream === undefined) throw new NotFoundError({ resource: "imagestreams", name });
  return stream;
}

/** `GET imagestreams/<name>` (and `/status`). */
export function getImageStreamReply(ctx: Context, r: Routed): Reply {
  return { code: 200, body: storedStream(ctx, r.namespace as string, r.name as string) };
}

/** `GET imagestreams`, in one namespace or across all of them. */
export function listImageStreamsReply(ctx: Context, r: Routed): Reply {
  const selectors = selectorsOf(r.query);
  const items = ctx.store.streamsIn(r.namespace).filter((s) => matchesSelectors(s, selectors));
  return {
    code: 200,
    body: {
      kind: "ImageStreamList",
      apiVersion: "image.openshift.io/v1",
      metadata: { resourceVersion: ctx.store.resourceVersion },
      items,
    },
  };
}

/** `POST imagestreams`: system fields wiped and filled, then `createImageStream`. */
export function createImageStreamReply(ctx: Context, r: Routed): Reply {
  const namespace = r.namespace as string;
  const obj = asObjectOf(r.body, "ImageStream");
  inNamespace(obj, namespace);
  const meta = metadataOf(obj);
  for (const key of SYSTEM_FIELDS) delete meta[key];
  if (field(meta, "name") === "" && field(meta, "generateName") !== "") {
    meta.name = `${field(meta, "generateName")}${ctx.store.nextNameSuffix()}`;
  }
  const name = field(meta, "name");
  if (name !== "" && ctx.store.stream(namespace, name) !== undefined) {
    throw new AlreadyExistsError({ resource: "imagestreams", name });
  }
  // Upstream FillObjectMetaSystemFields runs before the strategy: creation time and UID are set
  // when the spec tags are resolved (their events take the creation time).
  meta.uid = ctx.store.nextUid();
  meta.creationTimestamp = ctx.store.now();
  meta.resourceVersion = ctx.store.nextResourceVersion;
  const created = createImageStream(wire<ImageStream>(obj), ctx.options);
  return { code: 201, body: commitStream(ctx, created) };
}

/** The update path shared by `PUT` and `PATCH` once the new object is known. */
function update(ctx: Context, r: Routed, stored: ImageStream, obj: JsonObject): Reply {
  const name = r.name as string;
  inNamespace(obj, r.namespace as string);
  namedAs(obj, name);
  const meta = metadataOf(obj);
  const old = metaOf(stored);
  // AllowUnconditionalUpdate is false for image streams: the resourceVersion must match, even
  // when absent (the generic store answers Conflict, not Invalid).
  if (text(meta.resourceVersion) !== text(old.resourceVersion)) {
    throw new ConflictError({ resource: "imagestreams", name }, OPTIMISTIC_LOCK);
  }
  const uid = text(meta.uid);
  if (uid !== "" && uid !== text(old.uid)) {
    throw new InvalidError({
      kind: "ImageStream",
      name,
      fieldErrors: [invalidField("metadata.uid", uid, "field is immutable")],
    });
  }
  // rest.BeforeUpdate: UID and creation time come from the stored object.
  if (old.uid !== undefined) meta.uid = old.uid;
  else delete meta.uid;
  if (old.creationTimestamp !== undefined) meta.creationTimestamp = old.creationTimestamp;
  else delete meta.creationTimestamp;
  const next =
    r.subresource === "status"
      ? updateImageStreamStatus(stored, wire<ImageStream>(obj), ctx.options)
      : updateImageStream(stored, wire<ImageStream>(obj), ctx.options);
  // etcd's GuaranteedUpdate writes nothing (and keeps the resourceVersion) when the bytes are equal.
  if (next === stored || jsonEqual(next, stored)) return { code: 200, body: stored };
  return { code: 200, body: commitStream(ctx, next) };
}

/** `PUT imagestreams/<name>` (and `/status`). */
export function updateImageStreamReply(ctx: Context, r: Routed): Reply {
  const stored = storedStream(ctx, r.namespace as string, r.name as string);
  return update(ctx, r, stored, asObjectOf(r.body, "ImageStream"));
}

/** `PATCH imagestreams/<name>` (and `/status`): the patch applies to the stored object, then the update path runs. */
export function patchImageStreamReply(ctx: Context, r: Routed): Reply {
  if (!(PATCH_TYPES as readonly string[]).includes(r.contentType)) {
    throw unsupportedMediaType(r.contentType, PATCH_TYPES);
  }
  const stored = storedStream(ctx, r.namespace as string, r.name as string);
  let patched: unknown;
  try {
    patched =
      r.contentType === "application/json-patch+json"
        ? applyJsonPatch(stored, r.body)
        : applyMergePatch(stored, r.body);
  } catch (err) {
    if (!(err instanceof PatchError)) throw err;
    if (err.stage === "decode") throw new BadRequestError(err.message);
    throw patchNotApplicable(err.message);
  }
  return update(ctx, r, stored, asObjectOf(patched, "ImageStream"));
}

/** `DELETE imagestreams/<name>`: `DeleteOptions.preconditions` checked, then a `Success` status. */
export function deleteImageStreamReply(ctx: Context, r: Routed): Reply {
  const namespace = r.namespace as string;
  const name = r.name as string;
  const stored = storedStream(ctx, namespace, name);
  const old = metaOf(stored);
  const options = typeof r.body === "object" && r.body !== null ? (r.body as JsonObject) : {};
  const pre =
    typeof options.preconditions === "object" && options.preconditions !== null
      ? (options.preconditions as JsonObject)
      : {};
  if (typeof pre.uid === "string" && pre.uid !== text(old.uid)) {
    throw new ConflictError(
      { resource: "imagestreams", name },
      `Precondition failed: UID in precondition: ${pre.uid.slice(0, 64)}, UID in object meta: ${text(old.uid)}`,
    );
  }
  if (typeof pre.resourceVersion === "string" && pre.resourceVersion !== text(old.resourceVersion)) {
    throw new ConflictError(
      { resource: "imagestreams", name },
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion.slice(0, 64)}, ResourceVersion in object meta: ${text(old.resourceVersion)}`,
    );
  }
  if (!ctx.dryRun) ctx.store.deleteStream(namespace, name);
  return {
    code: 200,
    body: success({ name, group: "image.openshift.io", kind: "imagestreams", uid: text(old.uid) }),
  };
}
