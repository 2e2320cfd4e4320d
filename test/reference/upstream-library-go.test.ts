/**
 * Every case of library-go `pkg/image/reference/reference_test.go` (`TestParse`, both stored
 * versions: the newer one adds `wildfly:15.0`), checked against `parseDockerImageReference`.
 *
 * Upstream only asserts "an error" for the failing inputs; the expected kind and message here come
 * from docs/behaviour.md R3.1.2 (the messages library-go's parser returns for those inputs).
 */
import { describe, expect, it } from "vitest";
import { type DockerImageReference, ImageReferenceError, parseDockerImageReference } from "../support/all.js";
import { thrown } from "../support/thrown.js";

const H = "3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";
const D = `sha256:${H}`;

type Parsed = Partial<DockerImageReference>;

/** [from, expected fields (absent ones are "")]. */
const VALID: ReadonlyArray<readonly [string, Parsed]> = [
  ["foo", { name: "foo" }],
  ["foo:tag", { name: "foo", tag: "tag" }],
  [D, { name: "sha256", tag: H }],
  [`foo@${D}`, { name: "foo", id: D }],
  ["bar/foo", { namespace: "bar", name: "foo" }],
  ["bar/foo:tag", { namespace: "bar", name: "foo", tag: "tag" }],
  [`bar/foo@${D}`, { namespace: "bar", name: "foo", id: D }],
  ["bar/foo/baz", { namespace: "bar", name: "foo/baz" }],
  ["bar/library/baz", { namespace: "bar", name: "library/baz" }],
  ["bar/foo/baz:tag", { namespace: "bar", name: "foo/baz", tag: "tag" }],
  [`bar/foo/baz@${D}`, { namespace: "bar", name: "foo/baz", id: D }],
  ["bar:5000/foo/baz", { registry: "bar:5000", namespace: "foo", name: "baz" }],
  ["bar:5000/library/baz", { registry: "bar:5000", namespace: "library", name: "baz" }],
  ["bar:5000/baz", { registry: "bar:5000", name: "baz" }],
  ["bar:5000/foo/baz:tag", { registry: "bar:5000", namespace: "foo", name: "baz", tag: "tag" }],
  [`bar:5000/foo/baz@${D}`, { registry: "bar:5000", namespace: "foo", name: "baz", id: D }],
  ["myregistry.io/foo", { registry: "myregistry.io", name: "foo" }],
  ["localhost/bar", { registry: "localhost", name: "bar" }],
  ["docker.io/library/myapp", { registry: "docker.io", namespace: "library", name: "myapp" }],
  ["docker.io/myapp", { registry: "docker.io", name: "myapp" }],
  ["docker.io/user/myapp", { registry: "docker.io", namespace: "user", name: "myapp" }],
  ["docker.io/user/project/myapp", { registry: "docker.io", namespace: "user", name: "project/myapp" }],
  ["index.docker.io/bar", { registry: "index.docker.io", name: "bar" }],
  // registry/namespace/name == 255 chars
  [
    `bar:5000/${"a".repeat(63)}/${"b".repeat(182)}:tag`,
    { registry: "bar:5000", namespace: "a".repeat(63), name: "b".repeat(182), tag: "tag" },
  ],
  // docker.io/namespace/name == 255 chars with explicit namespace
  [
    `docker.io/library/${"b".repeat(231)}:tag`,
    { registry: "docker.io", namespace: "library", name: "b".repeat(231), tag: "tag" },
  ],
  // docker.io/namespace/name == 255 chars with implicit namespace
  [`docker.io/${"b".repeat(231)}:tag`, { registry: "docker.io", name: "b".repeat(231), tag: "tag" }],
  ["quay.io", { registry: "quay.io" }],
  ["quay.io/org", { registry: "quay.io", name: "org" }],
  ["localhost:5000", { registry: "localhost:5000" }],
  ["localhost:5000/org", { registry: "localhost:5000", name: "org" }],
  ["wildfly:15.0", { name: "wildfly", tag: "15.0" }],
  ["bar/foo/baz/biz", { namespace: "bar", name: "foo/baz/biz" }],
];

const INVALID_FORMAT = "invalid reference format";

/** [from, kind, message] (kind and message per docs/behaviour.md R3.1.2). */
const INVALID: ReadonlyArray<readonly [string, string, string]> = [
  // registry/namespace/name > 255 chars
  [
    `bar:5000/${"a".repeat(63)}/${"b".repeat(183)}:tag`,
    "NameTooLong",
    "repository name must not be more than 255 characters",
  ],
  // docker.io/name > 255 chars with implicit namespace
  [`docker.io/${"b".repeat(246)}:tag`, "NameTooLong", "repository name must not be more than 255 characters"],
  ["registry.io/foo/bar/:Tag", "ReferenceInvalidFormat", INVALID_FORMAT],
  ["https://bar:5000/foo/baz", "ReferenceInvalidFormat", INVALID_FORMAT],
  [`http://bar:5000/foo/baz@${D}`, "ReferenceInvalidFormat", INVALID_FORMAT],
  [
    "registry:3000/integration/imageStream:success",
    "NameContainsUppercase",
    "repository name must be lowercase",
  ],
  [
    "registry:5000/integration/test-image-stream@sha256:00000000000000000000000000000001",
    "DigestInvalidLength",
    "invalid checksum digest length",
  ],
  ["abc@badid", "ReferenceInvalidFormat", INVALID_FORMAT],
  ["index.docker.io/mysql@sha256:bad", "ReferenceInvalidFormat", INVALID_FORMAT],
  [`@${D}`, "ReferenceInvalidFormat", INVALID_FORMAT],
  [":tag", "ReferenceInvalidFormat", INVALID_FORMAT],
  ["bar/foo/baz////biz", "ReferenceInvalidFormat", INVALID_FORMAT],
  ["//foo/baz/biz", "ReferenceInvalidFormat", INVALID_FORMAT],
  ["ftp://baz/baz/biz", "ReferenceInvalidFormat", INVALID_FORMAT],
  ["", "NameEmpty", "repository name must have at least one component"],
];

describe("R3.1 parseDockerImageReference: library-go TestParse (valid inputs)", () => {
  it.each(VALID)("R3.1.3 TestParse %s", (from, want) => {
    expect(parseDockerImageReference(from)).toEqual({
      registry: "",
      namespace: "",
      name: "",
      tag: "",
      id: "",
      ...want,
    });
  });
});

describe("R3.1 parseDockerImageReference: library-go TestParse (errors)", () => {
  it.each(INVALID)("R3.1.2 TestParse %s → %s", (from, kind, message) => {
    const err = thrown(() => parseDockerImageReference(from));
    expect(err).toBeInstanceOf(ImageReferenceError);
    expect((err as ImageReferenceError).kind).toBe(kind);
    expect((err as ImageReferenceError).message).toBe(message);
  });
});
