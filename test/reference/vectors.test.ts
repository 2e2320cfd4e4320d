import { describe, expect, it } from "vitest";
import { ImageReferenceError, type ImageReferenceErrorKind } from "../../src/errors.js";
import { parseImageStreamImageName, parseImageStreamTagName } from "../../src/names/index.js";
import {
  daemonMinimal,
  dockerClientDefaults,
  exactReference,
  familiarString,
  mostSpecific,
  parseAnyReference,
  parseDockerImageReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  type Reference,
  referenceName,
  referenceString,
  referenceToString,
  withName,
} from "../../src/reference/index.js";
import {
  matchAnchoredName,
  matchDomainAndPort,
  matchIdentifier,
  matchReference,
} from "../../src/reference/scanner.js";
import vectors from "../fixtures/reference/vectors.json" with { type: "json" };

interface Vector {
  id: string;
  source: string;
  op: string;
  input: string;
  valid: boolean;
  expected: Record<string, unknown>;
  error?: string;
  errorKind?: string | null;
}

const cases = vectors as Vector[];

const DOCKER_OPS: Record<string, (s: string) => Reference> = {
  parse: (s) => parseReference(s),
  withName: (s) => withName(s),
  parseNamed: (s) => parseNamed(s),
  parseNormalizedNamed: (s) => parseNormalizedNamed(s),
  parseAnyReference: (s) => parseAnyReference(s),
  parseDockerRef: (s) => parseDockerRef(s),
};

function expectedKind(v: Vector): ImageReferenceErrorKind {
  if (v.op === "imageStreamTagName") return "ImageStreamTagName";
  if (v.op === "imageStreamImageName") return "ImageStreamImageName";
  const k = v.errorKind ?? "";
  const m: Record<string, ImageReferenceErrorKind> = {
    ErrNameEmpty: "NameEmpty",
    ErrReferenceInvalidFormat: "ReferenceInvalidFormat",
    ErrNameContainsUppercase: "NameContainsUppercase",
    ErrNameTooLong: "NameTooLong",
    ErrNameNotCanonical: "NameNotCanonical",
    "digest.ErrDigestInvalidLength": "DigestInvalidLength",
    "digest.ErrDigestUnsupported": "DigestUnsupported",
    "digest.ErrDigestInvalidFormat": "DigestInvalidFormat",
  };
  if (m[k]) return m[k];
  if (v.error?.includes("64-byte hexadecimal")) return "NameIsHexIdentifier";
  if (v.error?.includes("must be lowercase")) return "RepositoryNameUppercase";
  throw new Error(`no kind for ${v.id}`);
}

function run(v: Vector): unknown {
  const docker = DOCKER_OPS[v.op];
  if (docker) {
    const r = docker(v.input);
    return {
      name: referenceName(r),
      domain: r.domain,
      path: r.path,
      tag: r.tag,
      digest: r.digest,
      string: referenceToString(r),
      familiar: familiarString(r),
    };
  }
  switch (v.op) {
    case "regexp.domainAndPort":
      return { match: matchDomainAndPort(v.input) };
    case "regexp.anchoredName":
    case "regexp.reference":
    case "regexp.identifier": {
      const fn =
        v.op === "regexp.anchoredName"
          ? matchAnchoredName
          : v.op === "regexp.reference"
            ? matchReference
            : matchIdentifier;
      const m = fn(v.input);
      return m === null ? { match: false } : { match: true, subs: m };
    }
    case "libraryGoParse": {
      const r = parseDockerImageReference(v.input);
      return {
        ...r,
        exact: exactReference(r),
        string: referenceString(r),
        mostSpecific: exactReference(mostSpecific(r)),
        dockerClientDefaults: exactReference(dockerClientDefaults(r)),
        daemonMinimal: exactReference(daemonMinimal(r)),
      };
    }
    case "imageStreamTagName":
      return parseImageStreamTagName(v.input);
    case "imageStreamImageName":
      return parseImageStreamImageName(v.input);
    default:
      throw new Error(`unknown op ${v.op}`);
  }
}

const ops = [...new Set(cases.map((c) => c.op))];

describe("Reference grammar vectors (391 upstream cases)", () => {
  it("has all 391 cases", () => {
    expect(cases).toHaveLength(391);
  });
  for (const op of ops) {
    const group = cases.filter((c) => c.op === op);
    describe(`${op} (${group.length} cases)`, () => {
      it.each(group.map((c) => [`${c.id} ${JSON.stringify(c.input).slice(0, 80)}`, c] as const))(
        "%s",
        (_label, v) => {
          if (v.op.startsWith("regexp.")) {
            const got = run(v) as Record<string, unknown>;
            expect(got.match).toBe(v.expected.match);
            if (v.expected.subs !== undefined) expect(got.subs).toEqual(v.expected.subs);
            return;
          }
          if (v.valid) {
            const got = run(v) as Record<string, unknown>;
            for (const [k, want] of Object.entries(v.expected)) expect(got[k], k).toEqual(want);
            return;
          }
          let err: unknown;
          try {
            run(v);
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(ImageReferenceError);
          const e = err as ImageReferenceError;
          expect(e.message).toBe(v.error);
          expect(e.kind).toBe(expectedKind(v));
          expect(e.input).toBe(v.input);
          expect(e.reason).toBe("BadRequest");
        },
      );
    });
  }
});
