/**
 * `POST imagestreammappings`: what the integrated registry sends after a push, through the
 * library's `applyImageStreamMapping` (openshift/openshift-apiserver
 * `pkg/image/apiserver/registry/imagestreammapping/rest.go`, `Create`): the Image is created
 * unless it exists, the stream gets the tag event, and the answer is a `Success` status.
 */
import type { ImageStreamMapping } from "../../model/index.js";
import { applyImageStreamMapping } from "../../server/index.js";
import { asObjectOf, field, inNamespace, metadataOf, wire } from "./body.js";
import { type Context, commitImage, commitStream, type Reply, type Routed } from "./context.js";
import { success } from "./status.js";

/** `POST imagestreammappings`. */
export function createImageStreamMappingReply(ctx: Context, r: Routed): Reply {
  const namespace = r.namespace as string;
  const obj = asObjectOf(r.body, "ImageStreamMapping");
  inNamespace(obj, namespace);
  const stream = ctx.store.stream(namespace, field(metadataOf(obj), "name"));
  const result = applyImageStreamMapping(stream, wire<ImageStreamMapping>(obj), ctx.options);
  // Both writes are decided before either is made, so a failure stores nothing.
  if (result.imageCreated) commitImage(ctx, result.image);
  if (result.stream !== stream) commitStream(ctx, result.stream);
  return { code: 201, body: success() };
}
