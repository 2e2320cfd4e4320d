/**
 * A catalog: plain arrays of streams and images turned into the look-ups of {@link ServerOptions}.
 */
import type { Image, ImageStream } from "../model/index.js";
import { isObj, type Obj, str, streamName, streamNamespace } from "./internal.js";
import type { ServerOptions } from "./options.js";

/**
 * An immutable set of image streams and images with the look-ups the server functions need.
 * Usable directly as (part of) {@link ServerOptions}.
 *
 * @example
 * ```ts
 * const catalog: Catalog = createCatalog({ imageStreams: [is], images: [image] });
 * createImageStream(next, { ...catalog, now: "2024-01-01T00:00:00Z" });
 * ```
 * @public
 */
export interface Catalog extends Required<Pick<ServerOptions, "getImageStream" | "getImage">> {
  /** Every stream, in insertion order (a replaced stream keeps its position). */
  readonly imageStreams: readonly ImageStream[];
  /** Every image, in insertion order. */
  readonly images: readonly Image[];
  /** Looks up a stream by namespace and name. */
  readonly getImageStream: (namespace: string, name: string) => ImageStream | undefined;
  /** Looks up an image by name (digest). */
  readonly getImage: (name: string) => Image | undefined;
  /** A new catalog with `stream` added or replacing the stream of the same namespace/name. */
  readonly withImageStream: (stream: ImageStream) => Catalog;
  /** Alias of `withImageStream` (the contract's `with(stream)`). */
  readonly with: (stream: ImageStream) => Catalog;
  /** A new catalog with `image` added or replacing the image of the same name. */
  readonly withImage: (image: Image) => Catalog;
  /** A new catalog without the stream `namespace/name` (the same catalog when absent). */
  readonly withoutImageStream: (namespace: string, name: string) => Catalog;
}

function streamKey(ns: string, name: string): string {
  return `${ns}/${name}`;
}

function imageName(image: Image): string {
  return str((image?.metadata as Obj | undefined)?.name);
}

/**
 * Builds a {@link Catalog} from plain arrays of streams and images. Later entries with the same
 * key win. The catalog never mutates anything; `withImageStream` / `withImage` return new ones.
 *
 * @example
 * ```ts
 * const catalog = createCatalog({ imageStreams: [is], images: [image] });
 * catalog.getImageStream("test", "origin-ruby-sample") === is; // true
 * const next = catalog.withImageStream(updated);
 * ```
 * @public
 */
export function createCatalog(init: {
  readonly imageStreams?: readonly ImageStream[];
  readonly images?: readonly Image[];
}): Catalog {
  const streams = new Map<string, ImageStream>();
  const initStreams = isObj(init) && Array.isArray(init.imageStreams) ? init.imageStreams : [];
  for (const s of initStreams) {
    if (isObj(s)) streams.set(streamKey(streamNamespace(s), streamName(s)), s);
  }
  const images = new Map<string, Image>();
  const initImages = isObj(init) && Array.isArray(init.images) ? init.images : [];
  for (const i of initImages) if (isObj(i)) images.set(imageName(i), i);
  return build(streams, images);
}

function build(streams: Map<string, ImageStream>, images: Map<string, Image>): Catalog {
  const catalog: Catalog = {
    imageStreams: Object.freeze([...streams.values()]),
    images: Object.freeze([...images.values()]),
    getImageStream: (namespace, name) => streams.get(streamKey(namespace, name)),
    getImage: (name) => images.get(name),
    withImageStream: (stream) => {
      const next = new Map(streams);
      next.set(streamKey(streamNamespace(stream), streamName(stream)), stream);
      return build(next, images);
    },
    with: (stream) => catalog.withImageStream(stream),
    withImage: (image) => {
      const next = new Map(images);
      next.set(imageName(image), image);
      return build(streams, next);
    },
    withoutImageStream: (namespace, name) => {
      const key = streamKey(namespace, name);
      if (!streams.has(key)) return catalog;
      const next = new Map(streams);
      next.delete(key);
      return build(next, images);
    },
  };
  return catalog;
}
