/**
 * `POST imagestreamimports`: the importer of the fake's options answers in place of a registry,
 * then the library's `applyImportResult` writes the result (openshift/openshift-apiserver
 * `pkg/image/apiserver/registry/imagestreamimport/rest.go`, `Create`). Without an importer every
 * image fails to import, as with an unreachable registry.
 */
import { InvalidError } from "../../errors.js";
import type { ImageStreamImport, ImageStreamImportStatus } from "../../model/index.js";
import { applyImportResult } from "../../server/index.js";
import { validateImageStreamImport } from "../../validation/index.js";
import { asObjectOf, field, inNamespace, type JsonObject, metadataOf, wire } from "./body.js";
import { type Context, commitImage, commitStream, type Reply, type Routed } from "./context.js";

function unreachable(isi: JsonObject): ImageStreamImportStatus {
  const failed = {
    status: "Failure",
    reason: "InternalError",
    message: "Internal error occurred: the fake image API has no importer",
    code: 500,
  };
  const spec = (typeof isi.spec === "object" && isi.spec !== null ? isi.spec : {}) as JsonObject;
  const images = Array.isArray(spec.images) ? spec.images : [];
  return {
    ...(images.length > 0 ? { images: images.map(() => ({ status: failed })) } : {}),
    ...(spec.repository ? { repository: { status: failed } } : {}),
  } as ImageStreamImportStatus;
}

/** `POST imagestreamimports`: validated, answered by the importer, applied when `spec.import` is true. */
export async function createImageStreamImportReply(ctx: Context, r: Routed): Promise<Reply> {
  const namespace = r.namespace as string;
  const obj = asObjectOf(r.body, "ImageStreamImport");
  inNamespace(obj, namespace);
  const name = field(metadataOf(obj), "name");
  const errors = validateImageStreamImport(obj);
  if (errors.length > 0) throw new InvalidError({ kind: "ImageStreamImport", name, fieldErrors: errors });
  const request = wire<ImageStreamImport>(obj);
  const status =
    ctx.importer === undefined
      ? unreachable(obj)
      : await ctx.importer(request, {
          namespace,
          now: ctx.store.now(),
          getImageStream: (ns, n) => ctx.store.stream(ns, n),
          getImage: (n) => ctx.store.image(n),
        });
  const spec = (typeof obj.spec === "object" && obj.spec !== null ? obj.spec : {}) as JsonObject;
  if (spec.import !== true) return { code: 201, body: { ...obj, status } };
  // The importer may have been slow: the stream is read again now, and the write is synchronous.
  const stream = ctx.store.stream(namespace, name);
  const applied = applyImportResult(stream, wire<ImageStreamImport>({ ...obj, status }), ctx.options);
  for (const image of applied.images) {
    const imageName = typeof image.metadata?.name === "string" ? image.metadata.name : "";
    if (ctx.store.image(imageName) === undefined) commitImage(ctx, image);
  }
  const stored = applied.changed ? commitStream(ctx, applied.stream) : applied.stream;
  return { code: 201, body: { ...obj, status: { ...status, import: stored } } };
}
