import { describe, expect, it } from "vitest";
import { isOCIDigest, isRFC6838MediaType } from "../../src/validation/image.js";
import { validateImage } from "../../src/validation/index.js";
import { deepFreeze } from "../support/freeze.js";
import { DIGEST_A } from "./helpers.js";

const M = "sha256:82bc737c1fede1c1534446cd5fdd0737c4e0f3650454c9e1905e2d70af95778e";
const manifest = (extra: Record<string, unknown> = {}) => ({
  digest: M,
  mediaType: "application/vnd.oci.image.manifest.v1+json",
  manifestSize: 100,
  architecture: "amd64",
  os: "linux",
  ...extra,
});
const image = (extra: Record<string, unknown> = {}) => ({
  metadata: { name: DIGEST_A },
  dockerImageReference: `registry/ns/name@${DIGEST_A}`,
  ...extra,
});

describe("validateImage (R1.9.8)", () => {
  it("R1.9.8 a named image with a parsable reference is valid", () => {
    expect(
      validateImage(
        deepFreeze({ metadata: { name: "foo" }, dockerImageReference: "openshift/ruby-19-centos" }),
      ),
    ).toEqual([]);
    expect(validateImage(image())).toEqual([]);
  });

  it("R1.9.8 metadata.name required", () => {
    expect(validateImage({ dockerImageReference: "ref" })).toEqual([
      {
        type: "FieldValueRequired",
        field: "metadata.name",
        value: "",
        detail: "name or generateName is required",
      },
    ]);
  });

  it("R1.9.8 metadata.name is a path segment: no '/', no '%', not '.' or '..'", () => {
    const check = (name: string) => validateImage({ metadata: { name }, dockerImageReference: "ref" });
    expect(check("foo/bar")).toEqual([
      { type: "FieldValueInvalid", field: "metadata.name", value: "foo/bar", detail: "may not contain '/'" },
    ]);
    expect(check("foo%%bar")).toEqual([
      { type: "FieldValueInvalid", field: "metadata.name", value: "foo%%bar", detail: "may not contain '%'" },
    ]);
    expect(check(".")[0]?.detail).toBe("may not be '.'");
    expect(check("..")[0]?.detail).toBe("may not be '..'");
    expect(check("Upper:Case@x")).toEqual([]);
  });

  it("R1.9.8 dockerImageReference required and must parse", () => {
    expect(validateImage({ metadata: { name: "foo" } })).toEqual([
      { type: "FieldValueRequired", field: "dockerImageReference", value: "", detail: "" },
    ]);
    expect(validateImage({ metadata: { name: "foo" }, dockerImageReference: "a-|///bbb" })).toEqual([
      {
        type: "FieldValueInvalid",
        field: "dockerImageReference",
        value: "a-|///bbb",
        detail: "invalid reference format",
      },
    ]);
  });

  it("R1.9.8 images are cluster-scoped: a namespace is Forbidden", () => {
    expect(validateImage(image({ metadata: { name: "foo", namespace: "default" } }))).toEqual([
      {
        type: "FieldValueForbidden",
        field: "metadata.namespace",
        value: "",
        detail: "not allowed on this type",
      },
    ]);
  });

  it("R1.9.8 a path prefix is applied to every field", () => {
    expect(validateImage({}, "image").map((e) => e.field)).toEqual([
      "image.metadata.name",
      "image.dockerImageReference",
    ]);
  });
});

describe("validateImage manifest lists (R1.9.7)", () => {
  it("R1.9.7 a valid manifest list", () => {
    const img = image({
      dockerImageManifests: [manifest(), manifest({ architecture: "arm64", variant: "v8", manifestSize: 0 })],
    });
    expect(validateImage(deepFreeze(img))).toEqual([]);
  });

  it("R1.9.7 dockerImageLayers must be empty when dockerImageManifests is set", () => {
    const layers = [{ name: DIGEST_A, size: 1 }];
    expect(validateImage(image({ dockerImageManifests: [manifest()], dockerImageLayers: layers }))).toEqual([
      {
        type: "FieldValueInvalid",
        field: "dockerImageLayers",
        value: layers,
        detail: "dockerImageLayers should not be set when dockerImageManifests is set",
      },
    ]);
    // layers alone are fine, and an empty manifest list does not trigger the rule
    expect(validateImage(image({ dockerImageLayers: layers, dockerImageManifests: [] }))).toEqual([]);
  });

  it("R1.9.7 sub-manifest digest must be OCI-conformant", () => {
    expect(validateImage(image({ dockerImageManifests: [manifest({ digest: "abc" })] }))).toEqual([
      {
        type: "FieldValueInvalid",
        field: "dockerImageManifests[0].digest",
        value: "abc",
        detail: "digest does not conform with OCI image specification",
      },
    ]);
  });

  it("R1.9.7 sub-manifest media type must conform to RFC 6838", () => {
    expect(validateImage(image({ dockerImageManifests: [manifest({ mediaType: "foobar" })] }))).toEqual([
      {
        type: "FieldValueInvalid",
        field: "dockerImageManifests[0].mediaType",
        value: "foobar",
        detail: "media type does not conform to RFC6838",
      },
    ]);
  });

  it("R1.9.7 sub-manifest architecture and os required", () => {
    expect(
      validateImage(
        image({ dockerImageManifests: [manifest({ architecture: "" }), manifest({ os: undefined })] }),
      ),
    ).toEqual([
      { type: "FieldValueRequired", field: "dockerImageManifests[0].architecture", value: "", detail: "" },
      { type: "FieldValueRequired", field: "dockerImageManifests[1].os", value: "", detail: "" },
    ]);
  });

  it("R1.9.7 sub-manifest size may not be negative (reported on …size, as upstream)", () => {
    expect(validateImage(image({ dockerImageManifests: [manifest({ manifestSize: -2 })] }))).toEqual([
      {
        type: "FieldValueInvalid",
        field: "dockerImageManifests[0].size",
        value: -2,
        detail: "manifest size cannot be negative",
      },
    ]);
  });

  it("R1.9.7 a garbage manifest entry reports every rule, in order", () => {
    expect(validateImage(image({ dockerImageManifests: [null] }), "image").map((e) => e.field)).toEqual([
      "image.dockerImageManifests[0].digest",
      "image.dockerImageManifests[0].mediaType",
      "image.dockerImageManifests[0].architecture",
      "image.dockerImageManifests[0].os",
    ]);
  });

  it("R1.9.7 sub-manifest digest: upstream's unanchored imageDigestRegexp (any algorithm, 32+ hex digits in either case)", () => {
    expect(isOCIDigest(M)).toBe(true);
    expect(isOCIDigest(`sha384:${"a".repeat(96)}`)).toBe(true);
    expect(isOCIDigest(`sha512:${"0".repeat(128)}`)).toBe(true);
    // What the cluster accepts beyond go-digest's registered algorithms:
    expect(isOCIDigest(M.toUpperCase())).toBe(true);
    expect(isOCIDigest(`sha256:${"a".repeat(63)}`)).toBe(true);
    expect(isOCIDigest(`md5:${"a".repeat(32)}`)).toBe(true);
    expect(isOCIDigest(`x1+y.Z9:${"F".repeat(32)}`)).toBe(true);
    expect(isOCIDigest(`prefix junk ${M} suffix`)).toBe(true);
    expect(isOCIDigest(`1:${"a".repeat(32)}`)).toBe(false); // an algorithm part starts with a letter
    expect(isOCIDigest(`a:${"a".repeat(31)}`)).toBe(false); // fewer than 32 hex digits
    expect(isOCIDigest(`a:${"a".repeat(31)}g`)).toBe(false);
    expect(isOCIDigest(`-:${"a".repeat(32)}`)).toBe(false);
    expect(isOCIDigest(`1:${"a".repeat(32)}a:${"b".repeat(32)}`)).toBe(true); // the second colon matches
    expect(isOCIDigest(":abc")).toBe(false);
    expect(isOCIDigest("abc")).toBe(false);
    expect(isOCIDigest("")).toBe(false);
    expect(isOCIDigest(`sha256:${"g".repeat(64)}`)).toBe(false);
  });

  it("R1.9.7 sub-manifest media type: upstream's imageMediaTypeRegexp (spaces around, no . or + in the type)", () => {
    expect(isRFC6838MediaType("foo/bar")).toBe(true);
    expect(isRFC6838MediaType("application/vnd.docker.distribution.manifest.v2+json")).toBe(true);
    expect(isRFC6838MediaType("a/b!#$&^_.+-")).toBe(true);
    expect(isRFC6838MediaType("  foo/bar  ")).toBe(true);
    expect(isRFC6838MediaType(`a/${"b".repeat(127)}`)).toBe(true);
    expect(isRFC6838MediaType(`a/${"b".repeat(128)}`)).toBe(false);
    expect(isRFC6838MediaType(`${"a".repeat(128)}/b`)).toBe(false);
    expect(isRFC6838MediaType("a.b/c")).toBe(false);
    expect(isRFC6838MediaType("a+b/c")).toBe(false);
    expect(isRFC6838MediaType("/bar")).toBe(false);
    expect(isRFC6838MediaType("foo/")).toBe(false);
    expect(isRFC6838MediaType("foo/.bar")).toBe(false);
    expect(isRFC6838MediaType("foo/bar/baz")).toBe(false);
    expect(isRFC6838MediaType("foo bar/baz")).toBe(false);
    expect(isRFC6838MediaType("\tfoo/bar")).toBe(false);
    expect(isRFC6838MediaType("application/json; charset=utf-8")).toBe(false);
  });

  it("R1.9.7 RFC 6838 media types", () => {
    expect(isRFC6838MediaType("foo/bar")).toBe(true);
    expect(isRFC6838MediaType("application/vnd.docker.distribution.manifest.v2+json")).toBe(true);
    expect(isRFC6838MediaType("a/b!#$&^_.+-")).toBe(true);
    expect(isRFC6838MediaType(`a/${"b".repeat(127)}`)).toBe(true);
    expect(isRFC6838MediaType(`a/${"b".repeat(128)}`)).toBe(false);
    expect(isRFC6838MediaType("/bar")).toBe(false);
    expect(isRFC6838MediaType("foo/")).toBe(false);
    expect(isRFC6838MediaType("foo/.bar")).toBe(false);
    expect(isRFC6838MediaType("foo/bar/baz")).toBe(false);
    expect(isRFC6838MediaType("foo bar/baz")).toBe(false);
    expect(isRFC6838MediaType("application/json; charset=utf-8")).toBe(false);
  });
});
