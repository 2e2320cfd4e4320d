/**
 * The fuzz table: which kind of input each public function of `src/index.ts` takes, the public
 * functions deliberately not fuzzed, the known bugs, and the call checker shared by the fuzz and
 * large-input suites.
 */
import { expect } from "vitest";
import * as lib from "../../src/index.js";
import { deepFreeze } from "../support/freeze.js";
import type { KindName } from "./fuzz-arbitraries.js";

export type AnyFn = (...args: unknown[]) => unknown;
const L = lib as unknown as Record<string, unknown>;

/** Which kind of input each public function takes, by position. */
export const FUZZ_TABLE: Record<string, readonly KindName[]> = {
  // reference/ — strings and parsed reference objects
  parseDockerImageReference: ["str"],
  parseDigest: ["str", "refOpts"],
  isDigest: ["str"],
  parseReference: ["str", "refOpts"],
  parseNormalizedNamed: ["str", "refOpts"],
  parseDockerRef: ["str", "refOpts"],
  parseAnyReference: ["str", "refOpts"],
  parseNamed: ["str", "refOpts"],
  withName: ["str", "refOpts"],
  isRegistryDockerHub: ["str"],
  referenceName: ["dref"],
  referenceToString: ["dref"],
  familiarName: ["dref"],
  familiarString: ["dref"],
  trimNamed: ["dref"],
  tagNameOnly: ["dref"],
  withTag: ["dref", "str"],
  withDigest: ["dref", "str"],
  nameString: ["oref"],
  exactReference: ["oref"],
  referenceString: ["oref"],
  mostSpecific: ["oref"],
  dockerClientDefaults: ["oref"],
  minimalReference: ["oref"],
  daemonMinimal: ["oref"],
  asV2: ["oref"],
  asRepository: ["oref"],
  repositoryName: ["oref"],
  registryURL: ["oref"],
  referencesEqual: ["oref", "oref"],
  registryHostPort: ["oref", "any"],
  // names/
  splitImageStreamTag: ["str"],
  splitImageStreamImage: ["str"],
  parseImageStreamTagName: ["str"],
  parseImageStreamImageName: ["str"],
  joinImageStreamTag: ["str", "str"],
  joinImageStreamImage: ["str", "str"],
  digestOrImageMatch: ["str", "str"],
  tagReferencesLocalTag: ["stream", "tagref"],
  // model/
  compareTagNames: ["str", "str"],
  normalizeTagReference: ["tagref", "opts"],
  normalizeImageStream: ["stream", "opts"],
  normalizeImageStreamImport: ["import", "opts"],
  parseImageStream: ["stream"],
  safeParseImageStream: ["stream"],
  parseImage: ["image"],
  safeParseImage: ["image"],
  parseImageStreamMapping: ["mapping"],
  safeParseImageStreamMapping: ["mapping"],
  parseImageStreamTag: ["istag"],
  safeParseImageStreamTag: ["istag"],
  parseImageStreamImage: ["any"],
  safeParseImageStreamImage: ["any"],
  parseImageTag: ["any"],
  safeParseImageTag: ["any"],
  parseImageStreamImport: ["import"],
  safeParseImageStreamImport: ["import"],
  parseTagReference: ["tagref"],
  safeParseTagReference: ["tagref"],
  parseTagEvent: ["event"],
  safeParseTagEvent: ["event"],
  // validation/
  assertValid: ["str", "str", "fieldErrors"],
  validateImage: ["image"],
  validateImageStream: ["stream"],
  validateImageStreamStatusUpdate: ["stream", "stream"],
  validateImageStreamImport: ["import"],
  validateImageStreamMapping: ["mapping"],
  validateImageStreamTag: ["istag"],
  validateImageStreamTagUpdate: ["istag", "istag"],
  validateImageTag: ["any"],
  validateImageTagUpdate: ["any", "any"],
  validateImageStreamName: ["str"],
  validateNamespaceName: ["str"],
  validatePathSegmentName: ["str"],
  validateTagReference: ["tagref", "str"],
  // errors.ts helpers (field error constructors and formatting)
  formatFieldError: ["fieldError"],
  requiredField: ["str", "str"],
  invalidField: ["str", "any", "str"],
  notSupportedField: ["str", "any", "strs"],
  forbiddenField: ["str", "str"],
  notFoundField: ["str", "any"],
  internalField: ["str", "str"],
  // server/
  createImageStream: ["stream", "opts"],
  createImageStreamInternal: ["stream", "opts"],
  updateImageStream: ["stream", "stream", "opts"],
  updateImageStreamInternal: ["stream", "stream", "opts"],
  updateImageStreamStatus: ["stream", "stream", "opts"],
  addTagEvent: ["stream", "str", "event"],
  addTagEventResult: ["stream", "str", "event"],
  updateTrackingTags: ["stream", "str", "event"],
  updateTrackingTagsResult: ["stream", "str", "event"],
  tagRefChanged: ["tagref", "tagref", "str"],
  applyImageStreamMapping: ["stream", "mapping", "opts"],
  deleteImageStreamTag: ["stream", "str", "opts"],
  getImageStreamTag: ["stream", "str", "opts"],
  listImageStreamTags: ["stream", "opts"],
  createImageStreamTag: ["stream", "istag", "opts"],
  updateImageStreamTag: ["stream", "istag", "opts"],
  getImageStreamImage: ["stream", "str", "opts"],
  resolveImageId: ["stream", "str", "opts"],
  resolveReferenceForTagEvent: ["stream", "tagref", "event"],
  statusRepositories: ["stream", "opts"],
  withStatusRepositories: ["stream", "opts"],
  createCatalog: ["catalogInit"],
  applyImportResult: ["stream", "import", "opts"],
  latestObservedTagGeneration: ["stream", "str"],
  planImport: ["stream"],
  needsScheduledImport: ["stream"],
  planScheduledImport: ["stream"],
  // resolve/
  latestTaggedImage: ["stream", "str"],
  resolveLatestTaggedImage: ["stream", "str"],
  tagHistory: ["stream", "str"],
  followTagReference: ["stream", "str"],
  resolvePullSpecForTag: ["stream", "str", "pullOpts"],
  resolveNewestPullSpecForTag: ["stream", "str", "pullOpts"],
  resolveRecentPullSpecForTag: ["stream", "str", "pullOpts"],
  prioritizeTags: ["strs"],
  sortStatusTags: ["stream"],
  resolveImageReference: ["str", "lookup"],
  // client/
  describeImageStream: ["stream", "clock"],
  describeImageStreamTag: ["istag", "clock"],
  humanDuration: ["num"],
  humanSize: ["num"],
  formatImageStreamTable: ["streams", "clock"],
  formatImageStreamTagTable: ["istags", "clock"],
  tabwrite: ["str"],
  applyOperation: ["stream", "operation", "opts"],
  pruneTagHistory: ["stream", "clock"],
  rollbackTag: ["stream", "str", "num", "opts"],
  tag: ["stream", "request", "opts"],
  untag: ["stream", "request", "opts"],
  tagInCatalog: ["catalog", "request", "opts"],
  isValidTagName: ["str"],
  planTag: ["request"],
};

/** Public functions that take no user data, with the reason (they must still be listed). */
export const NOT_FUZZED: Record<string, string> = {
  ImageStreamError: "error class constructor (the library's own type)",
  InvalidError: "error class constructor",
  NotFoundError: "error class constructor",
  AlreadyExistsError: "error class constructor",
  ConflictError: "error class constructor",
  BadRequestError: "error class constructor",
  ForbiddenError: "error class constructor",
  ImageReferenceError: "error class constructor",
};

/** Known bugs found by this suite (`function/level` → bug); their fuzz test is `it.fails` until fixed. */
export const KNOWN_FAILURES: Record<string, string> = {
  "familiarName/data":
    'TypeError: Cannot read properties of undefined (reading \'startsWith\') at familiarName (src/reference/docker.ts:357:12); e.g. [[{"domain":"docker.io","tag":"","digest":""}]]',
  "familiarString/data":
    'TypeError: Cannot read properties of undefined (reading \'startsWith\') at familiarName (src/reference/docker.ts:357:12); e.g. [[{"domain":"docker.io","tag":"","digest":""}]]',
  "normalizeImageStream/data":
    'TypeError: list is not iterable at dedupeAndSort (src/model/normalize.ts:113:22); e.g. [[{"kind":"ImageStream","metadata":{"name":"q56qi2_60o.vi4ae.fl","namespace":"akyj4jevy8","uid":"a71f0578-2ae7-6003-bfff-fff500000002","resourceVersion":"847462',
  "normalizeImageStreamImport/data":
    'TypeError: images.map is not a function at normalizeImageStreamImport (src/model/normalize.ts:224:29); e.g. [[{"kind":"ImageStreamImport","metadata":{"name":"origin-ruby-sample","namespace":"test"},"spec":{"import":true,"images":{"0":"<undefined>"}},"status":{"images"',
  "createImageStream/data":
    'TypeError: list is not iterable at dedupeAndSort (src/model/normalize.ts:113:22); e.g. [[{"kind":"ImageStream","metadata":{"name":"app","namespace":"hhwc74libt","uid":"ffffffe0-0009-1000-8000-001c0000001a","resourceVersion":"9025053","generation":',
  "updateImageStreamInternal/data":
    'TypeError: list is not iterable at dedupeAndSort (src/model/normalize.ts:113:22); e.g. [[{"kind":"ImageStream","metadata":{"name":"zycc7qh","namespace":"gvgk36o","uid":"25988da2-0009-1000-a812-d03e3920910f","resourceVersion":"8711691","generation"',
  "createCatalog/data":
    'TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator)) at createCatalog (src/server/catalog.ts:63:19); e.g. [[{"imageStreams":{"\\u0000172.30.56.218:5000/test/a@sha256:0000000000000000000000000000000000000000000000000000000000000000":[]},"images":[]}]]',
  "parseDockerImageReference/any":
    "TypeError: Cannot convert object to primitive value at parseDockerImageReference (src/reference/openshift.ts:54:81); e.g. [[{}]]",
  "parseDigest/any":
    'TypeError: Cannot convert object to primitive value at parseDigest (src/reference/digest.ts:199:81); e.g. [[{},"172.30.56.218:5000/aa/origin-ruby-sample@sha256:0000000000000000000000000000000000000000000000000000000000000000"]]',
  "parseReference/any":
    'TypeError: Cannot convert object to primitive value at ensureString (src/reference/docker.ts:88:41); e.g. [[{},"<undefined>"]]',
  "parseNormalizedNamed/any":
    'TypeError: Cannot convert object to primitive value at ensureString (src/reference/docker.ts:88:41); e.g. [[{},"<undefined>"]]',
  "parseDockerRef/any":
    "TypeError: Cannot convert object to primitive value at ensureString (src/reference/docker.ts:88:41); e.g. [[{},[]]]",
  "parseAnyReference/any":
    'TypeError: Cannot convert object to primitive value at ensureString (src/reference/docker.ts:88:41); e.g. [[{},"<undefined>"]]',
  "parseNamed/any":
    'TypeError: Cannot convert object to primitive value at ensureString (src/reference/docker.ts:88:41); e.g. [[{},"<undefined>"]]',
  "withName/any":
    'TypeError: Cannot convert object to primitive value at ensureString (src/reference/docker.ts:88:41); e.g. [[{},"<undefined>"]]',
  "referenceName/any":
    "TypeError: Cannot read properties of null (reading 'domain') at referenceName (src/reference/docker.ts:324:12); e.g. [[null]]",
  "referenceToString/any":
    "TypeError: Cannot read properties of null (reading 'domain') at referenceName (src/reference/docker.ts:324:12); e.g. [[null]]",
  "familiarName/any":
    'TypeError: Cannot read properties of undefined (reading \'startsWith\') at familiarName (src/reference/docker.ts:357:12); e.g. [[{"domain":"docker.io","tag":"","digest":""}]]',
  "familiarString/any":
    'TypeError: Cannot read properties of undefined (reading \'startsWith\') at familiarName (src/reference/docker.ts:357:12); e.g. [[{"domain":"docker.io","tag":"","digest":""}]]',
  "withTag/any":
    "TypeError: Cannot convert object to primitive value at withTag (src/reference/docker.ts:466:96); e.g. [[false,{}]]",
  "withDigest/any":
    'TypeError: Cannot convert object to primitive value at withDigest (src/reference/docker.ts:483:60); e.g. [[{"domain":"docker.io","path":"library/a","tag":"","digest":""},{}]]',
  "exactReference/any":
    "TypeError: Cannot read properties of null (reading 'name') at nameString (src/reference/openshift.ts:118:24); e.g. [[null]]",
  "mostSpecific/any":
    "TypeError: Cannot read properties of null (reading 'id') at mostSpecific (src/reference/openshift.ts:174:22); e.g. [[null]]",
  "dockerClientDefaults/any":
    "TypeError: Cannot read properties of null (reading 'registry') at dockerClientDefaults (src/reference/openshift.ts:192:28); e.g. [[null]]",
  "minimalReference/any":
    "TypeError: Cannot read properties of undefined (reading 'tag') at minimalReference (src/reference/openshift.ts:210:12); e.g. [[\"<undefined>\"]]",
  "daemonMinimal/any":
    "TypeError: Cannot read properties of null (reading 'registry') at daemonMinimal (src/reference/openshift.ts:225:9); e.g. [[null]]",
  "asV2/any":
    "TypeError: Cannot read properties of null (reading 'registry') at asV2 (src/reference/openshift.ts:244:12); e.g. [[null]]",
  "repositoryName/any":
    "TypeError: Cannot read properties of null (reading 'namespace') at repositoryName (src/reference/openshift.ts:274:24); e.g. [[null]]",
  "registryURL/any":
    "TypeError: Cannot read properties of undefined (reading 'registry') at asV2 (src/reference/openshift.ts:244:12); e.g. [[\"<undefined>\"]]",
  "parseImageStreamTagName/any":
    "TypeError: Cannot convert object to primitive value at parseImageStreamTagName (src/names/stream-names.ts:112:45); e.g. [[{}]]",
  "parseImageStreamImageName/any":
    "TypeError: Cannot convert object to primitive value at parseImageStreamImageName (src/names/stream-names.ts:156:45); e.g. [[{}]]",
  "compareTagNames/any":
    'TypeError: b.charCodeAt is not a function at compareTagNames (src/model/normalize.ts:45:17); e.g. [["\\u0000",[[]]]]',
  "normalizeTagReference/any":
    "TypeError: Cannot read properties of null (reading 'importPolicy') at withPolicyDefaults (src/model/normalize.ts:85:28); e.g. [[null,\"<undefined>\"]]",
  "normalizeImageStream/any":
    'TypeError: list is not iterable at dedupeAndSort (src/model/normalize.ts:113:22); e.g. [[{"kind":"ImageStream","metadata":{"name":"q56qi2_60o.vi4ae.fl","namespace":"akyj4jevy8","uid":"a71f0578-2ae7-6003-bfff-fff500000002","resourceVersion":"847462',
  "normalizeImageStreamImport/any":
    'TypeError: images.map is not a function at normalizeImageStreamImport (src/model/normalize.ts:224:29); e.g. [[{"apiVersion":"image.openshift.io/v1","kind":"ImageStreamImport","metadata":[{"name":"a","namespace":"aa"}],"spec":{"import":true,"images":-1},"status":{"imag',
  "assertValid/any":
    'TypeError: args.fieldErrors.map is not a function at new InvalidError (src/errors.ts:358:36); e.g. [["origin-ruby-sample@sha256:0000000000000000000000000000000000000000000000000000000000000000","\\u0000172.30.56.218:5000/aa/a@sha256:000000000000000000000000000',
  "formatFieldError/any":
    'TypeError: Cannot convert object to primitive value at fieldErrorBody (src/errors.ts:110:11); e.g. [[{"type":["FieldValueInvalid",{}],"field":"spec.tags[x].from.name","value":"x","detail":"bad"}]]',
  "notSupportedField/any":
    'TypeError: validValues.map is not a function at notSupportedField (src/errors.ts:153:63); e.g. [[{},[],"a@sha256:0000000000000000000000000000000000000000000000000000000000000000"]]',
  "createImageStreamInternal/any":
    'TypeError: list is not iterable at dedupeAndSort (src/model/normalize.ts:113:22); e.g. [[{"apiVersion":"v1","kind":"ImageStream","metadata":{"name":"7bh_x5qa","namespace":"wa9esvgm79h","uid":"acd5f8f1-2f1c-3435-8000-0016a8e5defc","resourceVersion"',
  "addTagEventResult/any":
    'TypeError: b.charCodeAt is not a function at compareTagNames (src/model/normalize.ts:45:17); e.g. [[{"kind":"ImageStream","metadata":{"name":"a","namespace":"aa","uid":"00000000-0000-1000-8000-000000000000","resourceVersion":"1","generation":1,"creationTimes',
  "createCatalog/any":
    'TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator)) at createCatalog (src/server/catalog.ts:63:19); e.g. [[{"imageStreams":{"":[]},"images":[]}]]',
  "applyImportResult/any":
    'TypeError: list is not iterable at dedupeAndSort (src/model/normalize.ts:113:22); e.g. [[{"apiVersion":"v1","kind":"ImageStream","metadata":{"name":"jvwtv_vbus.wc3br","namespace":"zh9nr","uid":"3698cc78-fa3d-696f-829b-252b0000000d","resourceVersio',
  "resolvePullSpecForTag/any":
    'TypeError: Cannot read properties of null (reading \'defaultExternal\') at resolvePullSpecForTag (src/resolve/pull-spec.ts:128:12); e.g. [[{"kind":"ImageStream","metadata":{"name":"origin-ruby-sample","namespace":"aa","uid":"00000000-0000-1000-8000-000000000000","resourceVersion":"1","generation"',
  "resolveNewestPullSpecForTag/any":
    'TypeError: Cannot read properties of null (reading \'defaultExternal\') at resolveNewestPullSpecForTag (src/resolve/pull-spec.ts:148:27); e.g. [[{"kind":"ImageStream","metadata":{"name":"a","namespace":"test","uid":"00000000-0000-1000-8000-000000000000","resourceVersion":"1","generation":1,"creationTim',
  "formatImageStreamTable/any":
    'TypeError: Cannot read properties of null (reading \'withNamespace\') at src/client/table.ts:314:17; e.g. [[[{"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"a","namespace":"aa","uid":"00000000-0000-1000-8000-000000000000","resourceVers',
  "formatImageStreamTagTable/any":
    'TypeError: Cannot convert object to primitive value; e.g. [[[{"kind":"ImageStreamTag","metadata":{"name":"origin-ruby-sample:A","namespace":"test"},"tag":{"name":"A"}}],{"now":[{}]}]]',
};

/** Names of the functions exported by `src/index.ts`. */
export function publicFunctions(): string[] {
  return Object.keys(lib)
    .filter((k) => typeof L[k] === "function")
    .sort();
}

/** A fixed fast-check seed per function name. */
export function seedOf(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
  return h;
}

function describeValue(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_k, x) =>
      typeof x === "function" ? "[function]" : x === undefined ? "[undefined]" : x,
    );
    return s === undefined ? String(v) : s.length > 600 ? `${s.slice(0, 600)}…` : s;
  } catch {
    return Object.prototype.toString.call(v);
  }
}

function jsonSnapshot(args: readonly unknown[]): string[] {
  return args.map((a) => {
    try {
      return JSON.stringify(a) ?? "undefined";
    } catch (e) {
      return `unserialisable: ${String(e)}`;
    }
  });
}

/** Calls `fn` on frozen `args`: only ImageStreamError may escape, and no input may change. */
export function checkCall(name: string, fn: AnyFn, args: unknown[]): void {
  for (const a of args) deepFreeze(a);
  const before = jsonSnapshot(args);
  try {
    fn(...args);
  } catch (e) {
    if (!(e instanceof lib.ImageStreamError)) {
      const err = e as Error;
      throw new Error(
        `${name} threw ${err?.constructor?.name ?? typeof e}: ${err?.message ?? String(e)}\n  args: ${args.map(describeValue).join(", ")}\n  ${err?.stack?.split("\n").slice(1, 4).join("\n  ") ?? ""}`,
      );
    }
    expect(typeof e.message).toBe("string");
  }
  expect(jsonSnapshot(args), `${name} changed its input`).toEqual(before);
}
