/**
 * The suite's fast-check arbitraries of VALID image API objects: the published ones of
 * `imagestream/testing` (src/testing/arbitraries.ts), plus the positional signatures the suite
 * has always used. Values parse and validate clean; tag order in spec and status is arbitrary (call
 * `normalizeImageStream` for the server's sorted form); names are unique within a stream.
 */
import type { fc } from "@fast-check/vitest";
import type { NamedTagEventList, TagEvent, TagReference } from "../../src/model/index.js";
import {
  arbNamedTagEventList as arbNamedTagEventListWith,
  arbReference,
  arbTagHistory as arbTagHistoryWith,
  arbTagReference as arbTagReferenceWith,
} from "../../src/testing/arbitraries.js";

export {
  type ArbImageStreamOptions,
  arbDigest,
  arbImage,
  arbImageStream,
  arbImageStreamImport,
  arbImageStreamMapping,
  arbNamespace,
  arbRegistry,
  arbRepository,
  arbStreamName,
  arbTagEvent,
  arbTagName,
  arbTimestamp,
} from "../../src/testing/arbitraries.js";

/** A pull spec by digest: `registry/namespace/name@sha256:…` (this digest when given). */
export function arbDigestPullSpec(digest?: string): fc.Arbitrary<string> {
  return arbReference(digest === undefined ? { by: "digest" } : { by: "digest", digest });
}

/** A history of 1–`max` events, newest first (created and generation non-increasing). */
export function arbTagHistory(max = 4): fc.Arbitrary<TagEvent[]> {
  return arbTagHistoryWith({ maxLength: max });
}

/** A status tag (this tag when given): its history and sometimes an ImportSuccess=False condition. */
export function arbNamedTagEventList(tag?: string): fc.Arbitrary<NamedTagEventList> {
  return arbNamedTagEventListWith(tag === undefined ? {} : { tag });
}

/** A valid spec tag (this name when given). */
export function arbTagReference(name?: string): fc.Arbitrary<TagReference> {
  return arbTagReferenceWith(name === undefined ? {} : { name });
}
