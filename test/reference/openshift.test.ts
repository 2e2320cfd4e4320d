import { describe, expect, it } from "vitest";
import { ImageReferenceError } from "../../src/errors.js";
import {
  asRepository,
  asV2,
  type DockerImageReference,
  daemonMinimal,
  dockerClientDefaults,
  exactReference,
  isRegistryDockerHub,
  minimalReference,
  mostSpecific,
  nameString,
  parseDockerImageReference,
  referenceString,
  referencesEqual,
  registryHostPort,
  registryUrl,
  repositoryName,
} from "../../src/reference/index.js";
import { deepFreeze } from "../support/freeze.js";

const H = "3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";
const D = `sha256:${H}`;
const ref = (r: Partial<DockerImageReference>): DockerImageReference =>
  deepFreeze({ registry: "", namespace: "", name: "", tag: "", id: "", ...r });

describe("parseDockerImageReference (R3.1)", () => {
  it("R3.1.3 registry-only specs: a single component with `.` or starting with localhost", () => {
    expect(parseDockerImageReference("quay.io")).toEqual(ref({ registry: "quay.io" }));
    expect(parseDockerImageReference("localhost:5000")).toEqual(ref({ registry: "localhost:5000" }));
    expect(parseDockerImageReference("localhostfoo")).toEqual(ref({ registry: "localhostfoo" }));
    expect(parseDockerImageReference("quay.io:tag")).toEqual(ref({ registry: "quay.io:tag" }));
    expect(parseDockerImageReference(`quay.io@${D}`)).toEqual(ref({ registry: `quay.io@${D}`, id: D }));
  });
  it("R3.1.3 §18.10 quirk: registry-only references print as the empty string", () => {
    const r = parseDockerImageReference("localhost:5000");
    expect(exactReference(r)).toBe("");
    expect(referenceString(r)).toBe("");
  });
  it("R3.1.3 no registry unless the first component has `.`/`:` or is exactly localhost", () => {
    expect(parseDockerImageReference("Foo/bar")).toEqual(ref({ namespace: "Foo", name: "bar" }));
    expect(parseDockerImageReference("LOCALHOST/foo")).toEqual(ref({ namespace: "LOCALHOST", name: "foo" }));
    expect(parseDockerImageReference("localhostfoo/bar")).toEqual(
      ref({ namespace: "localhostfoo", name: "bar" }),
    );
    expect(parseDockerImageReference("localhost/bar")).toEqual(ref({ registry: "localhost", name: "bar" }));
  });
  it("R3.1.3 Name may contain slashes; Tag and ID are both kept", () => {
    expect(parseDockerImageReference(`r.io/a/b/c:t@${D}`)).toEqual(
      ref({ registry: "r.io", namespace: "a", name: "b/c", tag: "t", id: D }),
    );
  });
  it("R3.1.4 sha256:<hex> alone is Name sha256 with that tag; uppercase hex digests are accepted", () => {
    expect(parseDockerImageReference(D)).toEqual(ref({ name: "sha256", tag: H }));
    expect(parseDockerImageReference(`foo@sha256:${H.toUpperCase()}`).id).toBe(`sha256:${H.toUpperCase()}`);
  });
  it("R3.1.2 errors: library-go messages and kinds; no IPv6; whole-name length rule", () => {
    const cases: Array<[string, string, string]> = [
      ["", "NameEmpty", "repository name must have at least one component"],
      ["[::1]:5000/foo", "ReferenceInvalidFormat", "invalid reference format"],
      ["https://bar:5000/foo/baz", "ReferenceInvalidFormat", "invalid reference format"],
      [
        "registry:3000/integration/imageStream:success",
        "NameContainsUppercase",
        "repository name must be lowercase",
      ],
      [
        `docker.io/${"b".repeat(246)}:tag`,
        "NameTooLong",
        "repository name must not be more than 255 characters",
      ],
      [`foo@md5:${H}`, "DigestUnsupported", "unsupported digest algorithm"],
      [`foo@SHA256:${H}`, "DigestUnsupported", "unsupported digest algorithm"],
      [`foo@sha256:${H}00`, "DigestInvalidLength", "invalid checksum digest length"],
    ];
    for (const [input, kind, message] of cases) {
      let err: unknown;
      try {
        parseDockerImageReference(input);
      } catch (e) {
        err = e;
      }
      expect(err, input).toBeInstanceOf(ImageReferenceError);
      expect((err as ImageReferenceError).kind, input).toBe(kind);
      expect((err as ImageReferenceError).message, input).toBe(message);
    }
    expect(() => parseDockerImageReference(undefined as unknown as string)).toThrow(ImageReferenceError);
  });
});

describe("printers (R3.2)", () => {
  it("R3.2.1 NameString: ID beats tag; a non-digest ID prints as a tag", () => {
    expect(nameString(ref({ name: "foo", tag: "t", id: D }))).toBe(`foo@${D}`);
    expect(nameString(ref({ name: "foo", tag: "t", id: "abc" }))).toBe("foo:abc");
    expect(nameString(ref({ name: "foo", tag: "t" }))).toBe("foo:t");
    expect(nameString(ref({ tag: "t" }))).toBe("");
    expect(exactReference(parseDockerImageReference(`foo:tag@${D}`))).toBe(`foo@${D}`);
  });
  it("R3.2.3 String adds library only on Docker Hub registries", () => {
    expect(referenceString(ref({ registry: "docker.io", name: "foo" }))).toBe("docker.io/library/foo");
    expect(referenceString(ref({ registry: "registry-1.docker.io", name: "foo" }))).toBe(
      "registry-1.docker.io/library/foo",
    );
    expect(referenceString(ref({ name: "foo" }))).toBe("foo");
    expect(referenceString(ref({ registry: "quay.io", name: "foo" }))).toBe("quay.io/foo");
  });
  it("R3.2.4 MostSpecific: digest ID clears the tag; non-digest ID moves into an empty tag", () => {
    const r = ref({ name: "foo", tag: "t", id: D });
    expect(mostSpecific(r)).toEqual({ ...r, tag: "" });
    const plain = ref({ name: "foo", tag: "t" });
    expect(mostSpecific(plain)).toBe(plain);
    expect(mostSpecific(ref({ name: "foo", id: "v1id" }))).toEqual(ref({ name: "foo", tag: "v1id" }));
    const both = ref({ name: "foo", tag: "t", id: "v1id" });
    expect(mostSpecific(both)).toBe(both);
    const digestOnly = ref({ name: "foo", id: D });
    expect(mostSpecific(digestOnly)).toBe(digestOnly);
  });
  it("R3.2.5 DockerClientDefaults adds docker.io, library (Hub only) and latest even with an ID", () => {
    expect(dockerClientDefaults(ref({ name: "foo", id: D }))).toEqual(
      ref({ registry: "docker.io", namespace: "library", name: "foo", tag: "latest", id: D }),
    );
    expect(dockerClientDefaults(ref({ registry: "quay.io", name: "foo" }))).toEqual(
      ref({ registry: "quay.io", name: "foo", tag: "latest" }),
    );
    const full = ref({ registry: "docker.io", namespace: "library", name: "foo", tag: "x" });
    expect(dockerClientDefaults(full)).toBe(full);
  });
  it("R3.2.5 Equal compares defaulted forms", () => {
    expect(
      referencesEqual(
        ref({ name: "openshift" }),
        parseDockerImageReference("docker.io/library/openshift:latest"),
      ),
    ).toBe(true);
    expect(referencesEqual(ref({ name: "a", id: D }), ref({ name: "a" }))).toBe(false);
  });
  it("R3.2.5 Minimal, DaemonMinimal, AsRepository, RepositoryName", () => {
    const latest = ref({ name: "foo", tag: "latest" });
    expect(minimalReference(latest)).toEqual(ref({ name: "foo" }));
    const other = ref({ name: "foo", tag: "x" });
    expect(minimalReference(other)).toBe(other);
    expect(
      exactReference(
        daemonMinimal(
          ref({ registry: "registry-1.docker.io", namespace: "library", name: "foo", tag: "bar" }),
        ),
      ),
    ).toBe("docker.io/foo:bar");
    expect(
      exactReference(
        daemonMinimal(ref({ registry: "localhost:5000", namespace: "library", name: "bar", tag: "latest" })),
      ),
    ).toBe("localhost:5000/library/bar");
    const plain = ref({ name: "foo" });
    expect(daemonMinimal(plain)).toBe(plain);
    expect(asRepository(ref({ name: "foo", tag: "t", id: D }))).toEqual(ref({ name: "foo" }));
    expect(asRepository(plain)).toBe(plain);
    expect(repositoryName(parseDockerImageReference(`quay.io/a/b:1@${D}`))).toBe("a/b");
  });
  it("AsV2, RegistryHostPort and RegistryURL", () => {
    expect(asV2(ref({ registry: "index.docker.io", name: "a" })).registry).toBe("registry-1.docker.io");
    const q = ref({ registry: "quay.io", name: "a" });
    expect(asV2(q)).toBe(q);
    expect(registryHostPort(ref({ name: "a" }), false)).toEqual({ host: "docker.io", port: "443" });
    expect(registryHostPort(ref({ registry: "docker.io", name: "a" }), true)).toEqual({
      host: "registry-1.docker.io",
      port: "80",
    });
    expect(registryHostPort(ref({ registry: "localhost:5000", name: "a" }), false)).toEqual({
      host: "localhost",
      port: "5000",
    });
    expect(registryHostPort(ref({ registry: "[::1]:5000", name: "a" }), false)).toEqual({
      host: "::1",
      port: "5000",
    });
    // Go's net.SplitHostPort errors give empty host and port.
    expect(registryHostPort(ref({ registry: "a:b:c", name: "a" }), false)).toEqual({ host: "", port: "" });
    expect(registryHostPort(ref({ registry: "[::1]", name: "a" }), false)).toEqual({ host: "", port: "" });
    expect(registryHostPort(ref({ registry: "[::1", name: "a" }), false)).toEqual({ host: "", port: "" });
    expect(registryHostPort(ref({ registry: "a]:1", name: "a" }), false)).toEqual({ host: "", port: "" });
    expect(registryHostPort(ref({ registry: "a[:1", name: "a" }), false)).toEqual({ host: "", port: "" });
    expect(registryUrl(ref({ registry: "docker.io", name: "a" }))).toBe("https://registry-1.docker.io");
    expect(registryUrl(ref({ registry: "quay.io:443", name: "a" }))).toBe("https://quay.io:443");
    expect(registryUrl(ref({ name: "a" }))).toBe("https:");
  });
  it("isRegistryDockerHub knows the three Hub hosts", () => {
    expect(["docker.io", "index.docker.io", "registry-1.docker.io"].every(isRegistryDockerHub)).toBe(true);
    expect(isRegistryDockerHub("quay.io")).toBe(false);
  });
  it("printers tolerate partial objects from user data", () => {
    const partial = { name: "foo" } as unknown as DockerImageReference;
    expect(exactReference(partial)).toBe("foo");
    expect(referenceString(partial)).toBe("foo");
    expect(exactReference(dockerClientDefaults(partial))).toBe("docker.io/library/foo:latest");
    expect(referencesEqual(partial, ref({ name: "foo" }))).toBe(true);
  });
});

describe("registryUrl escapes the host as Go's url.URL.String does (library-go RegistryURL; net/url shouldEscape, encodeHost)", () => {
  it("the @ of a registry-only reference with a digest is %40", () => {
    const r = parseDockerImageReference(`quay.io@${D}`);
    expect(r.registry).toBe(`quay.io@${D}`);
    expect(registryUrl(r)).toBe(`https://quay.io%40${D}`);
  });
  it.each([
    [
      "letters, digits, -._~ and the host's sub-delims stay",
      "a-Z.0_9~!$&'()*+,;=:[]<>\"",
      "a-Z.0_9~!$&'()*+,;=:[]<>\"",
    ],
    [
      "other ASCII is %XX, upper-case hex",
      "a b/c?d#e%f@g{h}i|j\\k^l`m",
      "a%20b%2Fc%3Fd%23e%25f%40g%7Bh%7Di%7Cj%5Ck%5El%60m",
    ],
    ["non-ASCII is escaped byte by byte in UTF-8", "ré😀", "r%C3%A9%F0%9F%98%80"],
    ["a lone surrogate is U+FFFD, as Go's string conversion gives", "a\ud800", "a%EF%BF%BD"],
  ])("%s", (_name, registry, escaped) => {
    expect(registryUrl(ref({ registry, name: "a" }))).toBe(`https://${escaped}`);
  });
});
