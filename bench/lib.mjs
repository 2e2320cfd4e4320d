// The built library as one object: every name of every entry point (dist/index.js, reference.js,
// schemas.js, oc.js). IMAGESTREAM_DIST points at another build's directory (default: ../dist).
import { pathToFileURL } from "node:url";

const dir = process.env.IMAGESTREAM_DIST
  ? pathToFileURL(`${process.env.IMAGESTREAM_DIST.replace(/\/$/, "")}/`).href
  : new URL("../dist/", import.meta.url).href;

const entries = ["index.js", "reference.js", "schemas.js", "oc.js"];
export const lib = Object.assign(
  {},
  ...(await Promise.all(entries.map((e) => import(new URL(e, dir).href)))),
);

/**
 * A stream as the server stores it, through the public write path: created from its metadata and
 * spec, then its status written as `PUT imagestreams/status` does (the internal create path that
 * keeps a submitted status is not public).
 */
export function storedStream({ metadata, spec, status }, opts) {
  const created = lib.createImageStream({ metadata, spec }, opts);
  return lib.updateImageStreamStatus(created, { ...created, status: { ...created.status, ...status } }, opts);
}
