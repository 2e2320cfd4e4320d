/**
 * Read-only image views: cluster-scoped `images` (get, list) and `imagestreamimages` (get,
 * through the library's `getImageStreamImage`; openshift/openshift-apiserver
 * `pkg/image/apiserver/registry/imagestreamimage/rest.go`, `Get`).
 */
import { BadRequestError, NotFoundError } from "../../errors.js";
import { parseImageStreamImageName } from "../../names/index.js";
import { getImageStreamImage } from "../../server/index.js";
import type { Context, Reply, Routed } from "./context.js";
import { storedStream } from "./image-streams.js";
import { matchesSelectors, selectorsOf } from "./selectors.js";

/** `GET images/<name>`. */
export function getImageReply(ctx: Context, r: Routed): Reply {
  const name = r.name as string;
  const image = ctx.store.image(name);
  if (image === undefined) throw new NotFoundError({ resource: "images", name });
  return { code: 200, body: image };
}

/** `GET images`. */
export function listImagesReply(ctx: Context, r: Routed): Reply {
  const selectors = selectorsOf(r.query);
  return {
    code: 200,
    body: {
      kind: "ImageList",
      apiVersion: "image.openshift.io/v1",
      metadata: { resourceVersion: ctx.store.resourceVersion },
      items: ctx.store.images().filter((i) => matchesSelectors(i, selectors)),
    },
  };
}

/** `GET imagestreamimages/<stream>@<id>`. */
export function getImageStreamImageReply(ctx: Context, r: Routed): Reply {
  let parsed: { name: string; id: string };
  try {
    parsed = parseImageStreamImageName(r.name as string);
  } catch {
    throw new BadRequestError("ImageStreamImages must be retrieved with <name>@<id>");
  }
  const stream = storedStream(ctx, r.namespace as string, parsed.name);
  return { code: 200, body: getImageStreamImage(stream, r.name as string, ctx.options) };
}
