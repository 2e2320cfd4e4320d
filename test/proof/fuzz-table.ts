/**
 * The fuzz table: which kind of input each public function of `src/index.ts` takes, the public
 * functions deliberately not fuzzed, the known bugs, and the call checker shared by the fuzz and
 * large-input suites.
 */
import { expect } from "vitest";
import * as lib from "../support/all.js";
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
  registryUrl: ["oref"],
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
  updateImageStream: ["stream", "stream", "opts"],
  editImageStream: ["stream", "recipe", "opts"],
  quoteInput: ["str", "num"],
  reasonForError: ["any"],
  isNotFound: ["any"],
  isAlreadyExists: ["any"],
  isConflict: ["any"],
  isInvalid: ["any"],
  isBadRequest: ["any"],
  isForbidden: ["any"],
  isImageStreamError: ["any"],
  imageStreamPatch: ["stream", "stream", "any"],
  updateImageStreamStatus: ["stream", "stream", "opts"],
  addTagEvent: ["stream", "str", "event"],
  updateTrackingTags: ["stream", "str", "event"],
  applyImageStreamMapping: ["stream", "mapping", "opts"],
  deleteImageStreamTag: ["stream", "str", "opts"],
  getImageStreamTag: ["stream", "str", "opts"],
  listImageStreamTags: ["stream", "opts"],
  createImageStreamTag: ["stream", "istag", "opts"],
  updateImageStreamTag: ["stream", "istag", "opts"],
  getImageStreamImage: ["stream", "str", "opts"],
  getImageTag: ["stream", "str", "opts"],
  listImageTags: ["streams"],
  resolveImageId: ["stream", "str", "opts"],
  resolveReferenceForTagEvent: ["stream", "tagref", "event"],
  statusRepositories: ["stream", "opts"],
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
  prioritizeTags: ["strs"],
  sortStatusTags: ["stream"],
  resolveImageReference: ["str", "lookup"],
  // client/
  describeImageStream: ["stream", "clock"],
  formatImageStreamTags: ["stream", "clock"],
  describeImageStreamTag: ["istag", "clock"],
  describeImageStreamImage: ["istag", "clock"],
  describeImage: ["image", "clock"],
  humanDuration: ["num"],
  humanSize: ["num"],
  formatImageStreamTable: ["streams", "clock"],
  formatImageStreamTagTable: ["istags", "clock"],
  formatImageStreamImageTable: ["istags", "clock"],
  formatImageTagTable: ["itags", "clock"],
  tabwrite: ["str"],
  applyOperation: ["stream", "operation", "opts"],
  pruneTagHistory: ["stream", "clock"],
  rollbackTag: ["stream", "rollback", "opts"],
  tag: ["stream", "request", "opts"],
  untag: ["stream", "request", "opts"],
  tagInCatalog: ["catalog", "request", "opts"],
  isValidTagName: ["str"],
  planTag: ["request"],
};

/** Public functions that take no user data, with the reason (they must still be listed). */
export const NOT_FUZZED: Record<string, string> = {
  arbDigest:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbImage:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbImageStream:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbImageStreamImport:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbImageStreamMapping:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbNamedTagEventList:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbNamespace:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbOperation:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbOperations:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbReference:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbRegistry:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbRepository:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbStreamName:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbTagEvent:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbTagHistory:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbTagName:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbTagReference:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbTagRequest:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  arbTimestamp:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  deepFreeze:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  fixedClock:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  image:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  imageDigest:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  imageStream:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  imageStreamMapping:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  retryOnConflict:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  startFakeImageApi:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  tagEvent:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  tagReference:
    "imagestream/testing: a test-time helper (arbitrary, builder, clock or fake API), exercised by test/testing",
  ImageStreamError: "error class constructor (the library's own type)",
  InvalidError: "error class constructor",
  NotFoundError: "error class constructor",
  AlreadyExistsError: "error class constructor",
  ConflictError: "error class constructor",
  BadRequestError: "error class constructor",
  ForbiddenError: "error class constructor",
  ImageReferenceError: "error class constructor",
};

/**
 * Known bugs found by this suite (`function/level` → bug); their fuzz test is `it.fails` until
 * fixed. Empty: the ~50 crashes this suite found on 2026-11-23 were all fixed by their owners.
 */
export const KNOWN_FAILURES: Record<string, string> = {};

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

/**
 * Every own key (symbols included) of every object reachable from `v`, by path: a call that
 * writes a hidden property or a symbol on its input changes this snapshot even where JSON does not.
 */
function keysSnapshot(v: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const walk = (x: unknown, path: string): void => {
    if (typeof x !== "object" || x === null || seen.has(x)) return;
    seen.add(x);
    let keys: (string | symbol)[];
    try {
      keys = Reflect.ownKeys(x);
    } catch {
      return;
    }
    out.push(`${path}: ${keys.map(String).join(",")}`);
    for (const k of keys) {
      if (typeof k !== "string") continue;
      const d = Object.getOwnPropertyDescriptor(x, k);
      if (d && "value" in d) walk(d.value, `${path}/${k}`);
    }
  };
  walk(v, "");
  return out;
}

/** A deep copy that stays unfrozen, or undefined for values structuredClone cannot copy. */
function unfrozenCopy(v: unknown): { value: unknown } | undefined {
  try {
    return { value: structuredClone(v) };
  } catch {
    return undefined;
  }
}

function callExpectingOnlyOurErrors(name: string, fn: AnyFn, args: unknown[]): void {
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
}

/**
 * Calls `fn` on frozen `args`, then on unfrozen deep copies of them: only ImageStreamError may
 * escape, no input may change (JSON), and `Reflect.ownKeys` of every node of every input is the
 * same after the call (no hidden or symbol properties written on caller objects).
 */
export function checkCall(name: string, fn: AnyFn, args: unknown[]): void {
  const copies = args.map(unfrozenCopy);
  for (const a of args) deepFreeze(a);
  const before = jsonSnapshot(args);
  callExpectingOnlyOurErrors(name, fn, args);
  expect(jsonSnapshot(args), `${name} changed its input`).toEqual(before);
  if (copies.some((c) => c === undefined)) return;
  const unfrozen = copies.map((c) => c?.value);
  const keysBefore = unfrozen.map(keysSnapshot);
  const jsonBefore = jsonSnapshot(unfrozen);
  callExpectingOnlyOurErrors(name, fn, unfrozen);
  expect(jsonSnapshot(unfrozen), `${name} changed its unfrozen input`).toEqual(jsonBefore);
  expect(unfrozen.map(keysSnapshot), `${name} wrote keys on its input`).toEqual(keysBefore);
}
