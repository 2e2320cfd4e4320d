/**
 * What every request handler of the fake API works with: the store, the library options built
 * over it, and the request, already routed and with its body parsed.
 */
import type { Image, ImageStream } from "../../model/index.js";
import type { ServerOptions } from "../../server/index.js";
import type { Verb } from "./discovery.js";
import type { ImageImporter } from "./options.js";
import type { Store } from "./store.js";

/** A routed request. */
export interface Routed {
  readonly method: string;
  readonly verb: Verb;
  /** Plural resource name (`imagestreams`). */
  readonly resource: string;
  readonly subresource: string | undefined;
  /** `undefined` for cluster-scoped resources and lists across namespaces. */
  readonly namespace: string | undefined;
  /** URL-decoded object name; `undefined` on collections. */
  readonly name: string | undefined;
  readonly query: URLSearchParams;
  /** The media type of the body, without parameters (`application/json`). */
  readonly contentType: string;
  /** The parsed JSON body (`undefined` without a body). */
  readonly body: unknown;
}

/** A handler's answer: an HTTP code and a JSON body. */
export interface Reply {
  readonly code: number;
  readonly body: unknown;
}

/** The state a handler works with. */
export interface Context {
  readonly store: Store;
  /** Options for the library's server functions: clock, registry hostnames, look-ups into the store. */
  readonly options: ServerOptions;
  /** `dryRun=All`: compute the answer, store nothing. */
  readonly dryRun: boolean;
  readonly importer: ImageImporter | undefined;
}

/** Stores a stream unless the request is a dry run; returns what the client sees. */
export function commitStream(ctx: Context, stream: ImageStream): ImageStream {
  return ctx.dryRun ? stream : ctx.store.commitStream(stream);
}

/** Stores an image unless the request is a dry run; returns what the client sees. */
export function commitImage(ctx: Context, image: Image): Image {
  return ctx.dryRun ? image : ctx.store.commitImage(image, true);
}
