/**
 * `imagestream/testing`: what users' tests import. fast-check arbitraries of valid image API
 * objects and operation sequences, builders of frozen fixtures, a fixed clock, the fake image API
 * over HTTP (Node only) and `retryOnConflict` (also in the root entry). Needs `fast-check` (a peer dependency).
 * @packageDocumentation
 */

export { type RetryOptions, retryOnConflict } from "../client/retry.js";
export {
  type ArbImageOptions,
  type ArbImageStreamImportOptions,
  type ArbImageStreamMappingOptions,
  type ArbImageStreamOptions,
  type ArbNamedTagEventListOptions,
  type ArbOperationOptions,
  type ArbOperationsOptions,
  type ArbReferenceOptions,
  type ArbTagEventOptions,
  type ArbTagHistoryOptions,
  type ArbTagReferenceOptions,
  type ArbTagRequestOptions,
  type ArbTimestampOptions,
  arbDigest,
  arbImage,
  arbImageStream,
  arbImageStreamImport,
  arbImageStreamMapping,
  arbNamedTagEventList,
  arbNamespace,
  arbOperation,
  arbOperations,
  arbReference,
  arbRegistry,
  arbRepository,
  arbStreamName,
  arbTagEvent,
  arbTagHistory,
  arbTagName,
  arbTagReference,
  arbTagRequest,
  arbTimestamp,
} from "./arbitraries.js";
export {
  deepFreeze,
  type ImageInit,
  type ImageStreamInit,
  type ImageStreamMappingInit,
  image,
  imageDigest,
  imageStream,
  imageStreamMapping,
  type TagEventInit,
  type TagReferenceInit,
  tagEvent,
  tagReference,
} from "./builders.js";
export { type FixedClock, fixedClock } from "./clock.js";
export {
  type FakeApiRequest,
  type FakeImageApi,
  type FakeImageApiOptions,
  type ImageImporter,
  type ImporterContext,
  startFakeImageApi,
} from "./fake-api/index.js";
