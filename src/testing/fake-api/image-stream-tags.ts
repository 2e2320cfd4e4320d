/**
 * `imagestreamtags`: get, list, create, update and delete through the library's
 * `getImageStreamTag`, `listImageStreamTags`, `createImageStreamTag`, `updateImageStreamTag` and
 * `deleteImageStreamTag` (openshift/openshift-apiserver
 * `pkg/image/apiserver/registry/imagestreamtag/rest.go`: `Get`, `List`, `Create`, `Update`, `Delete`).
 */
import { BadRequestError } from "../../errors.js";
import type { ImageStream, ImageStreamTag } from "../../model/index.js";
import { parseImageStreamTagName } from "../../names/index.js";
import {
  createImageStreamTag,
  deleteImageStreamTag,
  getImageStreamTag,
  listImageStreamTags,
  updateImageStreamTag,
} from "../../server/index.js";
import { asObjectOf, field, inNamespace, type JsonObject, metadataOf, namedAs, wire } from "./body.js";
import { type Context, commitStream, type Reply, type Routed } from "./context.js";
import { storedStream } from "./image-streams.js";
import { jsonEqual } from "./json-patch.js";
import { matchesSelectors, selectorsOf } from "./selectors.js";
import { success } from "./status.js";

/** Upstream `nameAndTag`: `<stream>:<tag>` or a 400. */
function nameAndTag(id: string): { name: string; tag: string } {
  try {
    return parseImageStreamTagName(id);
  } catch {
    throw new BadRequestError("ImageStreamTags must be retrieved with <name>:<tag>");
  }
}

/**
 * Stores the stream a tag write produced (nothing when it did not change) and gives the answer
 * the resourceVersion and UID of what was stored, as upstream builds it from the written stream.
 */
function written(ctx: Context, before: ImageStream | undefined, after: ImageStream, istag: ImageStreamTag) {
  if (before !== undefined && (after === before || jsonEqual(after, before))) return istag;
  const stored = commitStream(ctx, after);
  const meta = (stored.metadata ?? {}) as JsonObject;
  const fields: JsonObject = {};
  if (typeof meta.resourceVersion === "string") fields.resourceVersion = meta.resourceVersion;
  if (typeof meta.uid === "string") fields.uid = meta.uid;
  return { ...istag, metadata: { ...(istag.metadata ?? {}), ...fields } } as ImageStreamTag;
}

/** `GET imagestreamtags/<stream>:<tag>`. */
export function getImageStreamTagReply(ctx: Context, r: Routed): Reply {
  const { name, tag } = nameAndTag(r.name as string);
  const stream = storedStream(ctx, r.namespace as string, name);
  return { code: 200, body: getImageStreamTag(stream, tag, ctx.options) };
}

/** `GET imagestreamtags`: every tag with an image, stream by stream. */
export function listImageStreamTagsReply(ctx: Context, r: Routed): Reply {
  const selectors = selectorsOf(r.query);
  const items = listImageStreamTags(ctx.store.streamsIn(r.namespace), ctx.options).filter((t) =>
    matchesSelectors(t, selectors),
  );
  return {
    code: 200,
    body: {
      kind: "ImageStreamTagList",
      apiVersion: "image.openshift.io/v1",
      metadata: { resourceVersion: ctx.store.resourceVersion },
      items,
    },
  };
}

/** `POST imagestreamtags`: a new spec tag (and the stream when it does not exist). */
export function createImageStreamTagReply(ctx: Context, r: Routed): Reply {
  const namespace = r.namespace as string;
  const obj = asObjectOf(r.body, "ImageStreamTag");
  inNamespace(obj, namespace);
  const meta = metadataOf(obj);
  for (const key of ["uid", "resourceVersion", "creationTimestamp", "generation"]) delete meta[key];
  const { name } = nameAndTag(field(meta, "name"));
  const stream = ctx.store.stream(namespace, name);
  const result = createImageStreamTag(stream, wire<ImageStreamTag>(obj), ctx.options);
  return { code: 201, body: written(ctx, stream, result.stream, result.imageStreamTag) };
}

/** `PUT imagestreamtags/<stream>:<tag>`: 201 when the spec tag is new, else 200. */
export function updateImageStreamTagReply(ctx: Context, r: Routed): Reply {
  const namespace = r.namespace as string;
  const { name } = nameAndTag(r.name as string);
  const obj = asObjectOf(r.body, "ImageStreamTag");
  inNamespace(obj, namespace);
  namedAs(obj, r.name as string);
  const stream = ctx.store.stream(namespace, name);
  const result = updateImageStreamTag(stream, wire<ImageStreamTag>(obj), ctx.options);
  return {
    code: result.created ? 201 : 200,
    body: written(ctx, stream, result.stream, result.imageStreamTag),
  };
}

/** `DELETE imagestreamtags/<stream>:<tag>`: spec tag and history removed; `DeleteOptions.preconditions.uid` honoured. */
export function deleteImageStreamTagReply(ctx: Context, r: Routed): Reply {
  const { name, tag } = nameAndTag(r.name as string);
  const stream = storedStream(ctx, r.namespace as string, name);
  const options = typeof r.body === "object" && r.body !== null ? (r.body as JsonObject) : {};
  const pre =
    typeof options.preconditions === "object" && options.preconditions !== null ? options.preconditions : {};
  const uid = (pre as JsonObject).uid;
  const next = deleteImageStreamTag(stream, tag, {
    ...ctx.options,
    ...(typeof uid === "string" ? { preconditions: { uid } } : {}),
  });
  if (next !== stream && !jsonEqual(next, stream)) commitStream(ctx, next);
  return { code: 200, body: success() };
}
