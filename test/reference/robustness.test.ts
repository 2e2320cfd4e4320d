/**
 * Bad input: the reference functions throw only typed errors on any
 * input (never a bare TypeError), and never mutate their input.
 */
import { describe, expect, it } from "vitest";
import { BadRequestError, ImageReferenceError } from "../../src/errors.js";
import {
  asRepository,
  asV2,
  daemonMinimal,
  dockerClientDefaults,
  exactReference,
  familiarName,
  familiarString,
  minimalReference,
  mostSpecific,
  nameString,
  parseAnyReference,
  parseDigest,
  parseDockerImageReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  referenceName,
  referenceString,
  referencesEqual,
  referenceToString,
  registryHostPort,
  registryUrl,
  repositoryName,
  tagNameOnly,
  trimNamed,
  withDigest,
  withName,
  withTag,
} from "../../src/reference/index.js";
import { deepFreeze } from "../support/freeze.js";

/** Values whose `String()` throws. */
const unprintable = (): unknown[] => [Object.create(null), { toString: null, valueOf: null }, Symbol("s")];
const DIGEST = `sha256:${"a".repeat(64)}`;

describe("bad input: string parsers given a non-string throw their own typed error", () => {
  const parsers: [string, (s: unknown) => unknown][] = [
    ["parseDockerImageReference", (s) => parseDockerImageReference(s as string)],
    ["parseReference", (s) => parseReference(s as string)],
    ["parseNormalizedNamed", (s) => parseNormalizedNamed(s as string)],
    ["parseDockerRef", (s) => parseDockerRef(s as string)],
    ["parseAnyReference", (s) => parseAnyReference(s as string)],
    ["parseNamed", (s) => parseNamed(s as string)],
    ["withName", (s) => withName(s as string)],
  ];
  for (const [name, parse] of parsers) {
    it(`bad input: ${name}({}) with a null prototype throws ImageReferenceError ReferenceInvalidFormat, not TypeError`, () => {
      for (const v of [...unprintable(), {}, null, undefined, 5, []]) {
        const err = (() => {
          try {
            parse(v);
          } catch (e) {
            return e;
          }
          return undefined;
        })();
        expect(err).toBeInstanceOf(ImageReferenceError);
        expect((err as ImageReferenceError).kind).toBe("ReferenceInvalidFormat");
        expect((err as ImageReferenceError).message).toBe("invalid reference format");
        expect(typeof (err as ImageReferenceError).input).toBe("string");
      }
    });
  }

  it("bad input: parseDigest({}) throws ImageReferenceError DigestInvalidFormat, not TypeError", () => {
    for (const v of unprintable()) expect(() => parseDigest(v as string)).toThrow(ImageReferenceError);
    expect(() => parseDigest(Object.create(null))).toThrow("invalid checksum digest format");
  });

  it("bad input: a null or non-object options argument is treated as {}", () => {
    expect(parseDigest(DIGEST, null as never)).toEqual({ algorithm: "sha256", hex: "a".repeat(64) });
    expect(parseDigest(DIGEST, 5 as never).algorithm).toBe("sha256");
    for (const opts of [null, 5, "x", [], { dialect: {}, lengthRule: 7 }]) {
      expect(parseReference("a/b:1", opts as never)).toEqual(parseReference("a/b:1"));
      expect(parseNormalizedNamed("redis", opts as never)).toEqual(parseNormalizedNamed("redis"));
      expect(parseDockerRef("redis", opts as never)).toEqual(parseDockerRef("redis"));
      expect(parseAnyReference("a".repeat(64), opts as never).digest).toBe(`sha256:${"a".repeat(64)}`);
      expect(parseNamed("docker.io/library/foo", opts as never).path).toBe("library/foo");
      expect(withName("foo/bar", opts as never)).toEqual(withName("foo/bar"));
    }
  });

  it("bad input: withTag/withDigest with an unprintable tag or digest throw their typed error", () => {
    const r = withName("foo/bar");
    for (const v of unprintable()) {
      expect(() => withTag(r, v as string)).toThrow(ImageReferenceError);
      expect(() => withDigest(r, v as string)).toThrow(ImageReferenceError);
    }
  });
});

describe("bad input: reference objects", () => {
  const openshift: [string, (r: never) => unknown][] = [
    ["exactReference", exactReference],
    ["nameString", nameString],
    ["referenceString", referenceString],
    ["mostSpecific", mostSpecific],
    ["dockerClientDefaults", dockerClientDefaults],
    ["minimalReference", minimalReference],
    ["daemonMinimal", daemonMinimal],
    ["asV2", asV2],
    ["asRepository", asRepository],
    ["repositoryName", repositoryName],
    ["registryUrl", registryUrl],
    ["referencesEqual", (r) => referencesEqual(r, r)],
    ["registryHostPort", (r) => registryHostPort(r, false)],
  ];
  for (const [name, fn] of openshift) {
    it(`bad input: ${name}(null) throws BadRequestError, not TypeError`, () => {
      for (const v of [null, undefined, "docker.io/a", 5, true]) {
        expect(() => fn(v as never)).toThrow(BadRequestError);
        expect(() => fn(v as never)).toThrow("invalid DockerImageReference: expected an object");
      }
    });
  }

  it("bad input: DockerImageReference fields that are missing or not strings read as empty", () => {
    const r = deepFreeze({ name: "foo", namespace: 5, tag: null, registry: {} }) as never;
    expect(exactReference(r)).toBe("foo");
    expect(repositoryName(r)).toBe("foo");
    expect(exactReference(dockerClientDefaults(r))).toBe("docker.io/library/foo:latest");
    expect(exactReference(minimalReference({ name: "foo", tag: "latest" } as never))).toBe("foo");
    expect(registryUrl({} as never)).toBe("https:");
    expect(
      daemonMinimal({ registry: "index.docker.io", namespace: "library", name: "a" } as never),
    ).toMatchObject({
      registry: "docker.io",
      namespace: "",
    });
  });

  it("bad input: well-formed references come back as the very same object", () => {
    const r = parseDockerImageReference("quay.io/a/b");
    expect(asRepository(r)).toBe(r);
    expect(mostSpecific(r)).toBe(r);
    expect(asV2(r)).toBe(r);
    const d = parseReference("a/b:1");
    expect(withTag(d, "1")).toBe(d);
    expect(tagNameOnly(d)).toBe(d);
  });

  const docker: [string, (r: never) => unknown][] = [
    ["referenceName", referenceName],
    ["referenceToString", referenceToString],
    ["familiarName", familiarName],
    ["familiarString", familiarString],
    ["trimNamed", trimNamed],
    ["tagNameOnly", tagNameOnly],
    ["withTag", (r) => withTag(r, "v1")],
    ["withDigest", (r) => withDigest(r, DIGEST)],
  ];
  for (const [name, fn] of docker) {
    it(`bad input: ${name}(null) throws BadRequestError, not TypeError`, () => {
      for (const v of [null, undefined, false, "docker.io/a"]) {
        expect(() => fn(v as never)).toThrow(BadRequestError);
        expect(() => fn(v as never)).toThrow("invalid Reference: expected an object");
      }
    });
  }

  it('bad input: familiarName({domain:"docker.io"}) reads the missing path as empty, not TypeError', () => {
    const r = deepFreeze({ domain: "docker.io", tag: "", digest: "" }) as never;
    expect(familiarName(r)).toBe("");
    expect(familiarString(r)).toBe("");
    expect(familiarString({ domain: "docker.io", path: "library/a", tag: 3 } as never)).toBe("a");
    expect(referenceToString({ path: "a" } as never)).toBe("a");
    expect(trimNamed({ domain: "x", path: "a", tag: "t" } as never)).toEqual({
      domain: "x",
      path: "a",
      tag: "",
      digest: "",
    });
    expect(() => withTag({ domain: "docker.io" } as never, "v1")).toThrow(ImageReferenceError);
  });
});
