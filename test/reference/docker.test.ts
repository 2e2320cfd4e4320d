import { describe, expect, it } from "vitest";
import type { ImageReferenceError, ImageReferenceErrorKind } from "../../src/errors.js";
import {
  familiarName,
  familiarString,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  type Reference,
  referenceName,
  referenceToString,
  tagNameOnly,
  trimNamed,
  withDigest,
  withName,
  withTag,
} from "../../src/reference/index.js";
import { deepFreeze } from "../support/freeze.js";
import { referenceErrorOf } from "../support/thrown.js";

const H = "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";

function expectKind(fn: () => unknown, kind: ImageReferenceErrorKind, message?: string): ImageReferenceError {
  const e = referenceErrorOf(fn);
  expect(e.kind).toBe(kind);
  if (message !== undefined) expect(e.message).toBe(message);
  return e;
}

describe("parseReference (distribution/reference Parse)", () => {
  it("G1 raw parse takes any hostlike first component as the domain", () => {
    expect(parseReference("a/b")).toEqual({ domain: "a", path: "b", tag: "", digest: "" });
    expect(parseReference("foo/foo_bar.com:8080")).toEqual({
      domain: "foo",
      path: "foo_bar.com",
      tag: "8080",
      digest: "",
    });
    expect(parseReference("test_com/foo").domain).toBe("");
    expect(parseReference("Foo/bar")).toEqual({ domain: "Foo", path: "bar", tag: "", digest: "" });
  });
  it("G1 a single component never has a domain: `:` starts a tag", () => {
    expect(parseReference("test.com:5000")).toEqual({
      domain: "",
      path: "test.com",
      tag: "5000",
      digest: "",
    });
    expect(parseReference(`localhost:8080@sha256:${H}`)).toEqual({
      domain: "",
      path: "localhost",
      tag: "8080",
      digest: `sha256:${H}`,
    });
  });
  it("G1 IPv6 hosts only in brackets and only followed by a path", () => {
    expect(parseReference("[2001:db8::1]:5000/repo:tag").domain).toBe("[2001:db8::1]:5000");
    expect(parseReference("[fd00123123123]:75050/x").domain).toBe("[fd00123123123]:75050");
    for (const s of [
      "[2001:db8::1]",
      "[2001:db8::1]:5000",
      "[::ffff:1.2.3.4]/a",
      "[]/a",
      "[::1]x/a",
      "[::1]:/a",
    ]) {
      expectKind(() => parseReference(s), "ReferenceInvalidFormat");
    }
  });
  it("G1 separators: `.`, `_`, `__`, `-`+ between alnum runs", () => {
    for (const ok of ["a__b", "a-----b", "a.b_c", "project--id.module--name.ver---sion--name"]) {
      expect(parseReference(ok).path).toBe(ok);
    }
    for (const bad of ["a___b", "a..b", "a._b", "a.-b", "a-.b", "a_", "-a", "a//b", "a/"]) {
      expectKind(() => parseReference(bad), "ReferenceInvalidFormat");
    }
  });
  it("G1 host labels: no leading/trailing dash, no empty label, no underscore", () => {
    expect(parseReference("a-b.c-d:1/x").domain).toBe("a-b.c-d:1");
    expectKind(() => parseReference("-ab.com/x"), "ReferenceInvalidFormat"); // neither a host nor a path
    expectKind(() => parseReference("ab-.com/x"), "ReferenceInvalidFormat");
    expectKind(() => parseReference("a..b:1/x"), "ReferenceInvalidFormat");
    expect(parseReference("ab.c-om/x").domain).toBe("ab.c-om");
  });
  it("R3.1.2 error precedence: empty, uppercase, format, length, digest", () => {
    expectKind(() => parseReference(""), "NameEmpty", "repository name must have at least one component");
    expectKind(
      () => parseReference("Uppercase:tag"),
      "NameContainsUppercase",
      "repository name must be lowercase",
    );
    expectKind(() => parseReference("aa/asdf$$^/aa"), "ReferenceInvalidFormat", "invalid reference format");
    // Too long AND a bad digest: the length is reported first.
    expectKind(
      () => parseReference(`a/${"b".repeat(256)}@sha256:${"f".repeat(63)}`),
      "NameTooLong",
      "repository name must not be more than 255 characters",
    );
    expectKind(() => parseReference(`a@sha256:${"f".repeat(63)}`), "DigestInvalidLength");
    // Uppercase and another defect: the lowercased input still fails, so it is a format error.
    expectKind(() => parseReference("Upper case"), "ReferenceInvalidFormat");
  });
  it("R3.1.2 uppercase is judged on the whole input (tag and digest included)", () => {
    expectKind(() => parseReference(`Foo@SHA256:${H}`), "NameContainsUppercase");
    expectKind(() => parseReference("test:5000/Uppercase/lowercase:tag"), "NameContainsUppercase");
  });
  it("R3.1.2 Go lowercases U+0130 to `i` and KELVIN SIGN to `k`: those inputs are uppercase errors", () => {
    expectKind(() => parseReference("\u212Aube"), "NameContainsUppercase");
    expectKind(() => parseReference("\u0130mage"), "NameContainsUppercase");
    expectKind(() => parseReference("éimage"), "ReferenceInvalidFormat");
  });
  it("errors carry the input and the offset of the first bad character", () => {
    const e = expectKind(
      () => parseReference("registry.redhat.io/rhel8/postgresql13 "),
      "ReferenceInvalidFormat",
    );
    expect(e.input).toBe("registry.redhat.io/rhel8/postgresql13 ");
    expect(e.offset).toBe(37);
    expect(expectKind(() => parseReference("test:5000/Uppercase"), "NameContainsUppercase").offset).toBe(10);
    expect(expectKind(() => parseReference(`x/${"a".repeat(300)}`), "NameTooLong").offset).toBe(2 + 255);
    expect(expectKind(() => parseReference(`x@md5:${H}`), "DigestUnsupported").offset).toBe(2);
    expect(referenceErrorOf(() => parseReference("")).offset).toBeUndefined();
  });
  it("R3.1.2 the 255 limit counts the path (Docker) or the whole name (lengthRule name / openshift)", () => {
    const long = `docker.io/${"b".repeat(246)}:tag`;
    expect(parseReference(long).path).toHaveLength(246);
    expectKind(() => parseReference(long, { lengthRule: "name" }), "NameTooLong");
    expectKind(() => parseReference(long, { dialect: "openshift" }), "NameTooLong");
    expect(parseReference(long, { dialect: "openshift", lengthRule: "path" }).path).toHaveLength(246);
    expect(parseReference(`example.com/${"a".repeat(255)}:tag`).path).toHaveLength(255);
    expectKind(() => parseReference(`domain/${"a".repeat(256)}:tag`), "NameTooLong");
  });
  it("G3 go-digest (Docker) vs library-go digest rules", () => {
    const upperHex = `a@sha256:${H.toUpperCase()}`;
    expectKind(() => parseReference(upperHex), "DigestInvalidFormat", "invalid checksum digest format");
    expect(parseReference(upperHex, { dialect: "openshift" }).digest).toBe(`sha256:${H.toUpperCase()}`);
    expectKind(() => parseReference(`a@SHA256:${H}`), "DigestInvalidFormat");
    expectKind(() => parseReference(`a@SHA256:${H}`, { dialect: "openshift" }), "DigestUnsupported");
    expectKind(
      () => parseReference(`a@sha256+b64u:${H}`),
      "DigestUnsupported",
      "unsupported digest algorithm",
    );
    expect(parseReference(`a@sha384:${"a".repeat(96)}`).digest).toHaveLength(7 + 96);
    expect(parseReference(`a@sha512:${"a".repeat(128)}`).digest).toHaveLength(7 + 128);
    expectKind(() => parseReference(`a@sha512:${"a".repeat(64)}`), "DigestInvalidLength");
    expectKind(() => parseReference("a@sha256:badbadbadbad"), "ReferenceInvalidFormat");
  });
  it("OpenShift dialect has no IPv6", () => {
    expectKind(() => parseReference("[::1]:5000/foo", { dialect: "openshift" }), "ReferenceInvalidFormat");
  });
  it("guards non-string input with an ImageReferenceError", () => {
    expectKind(() => parseReference(undefined as unknown as string), "ReferenceInvalidFormat");
    expectKind(() => parseNormalizedNamed(42 as unknown as string), "ReferenceInvalidFormat");
    expectKind(() => parseAnyReference(null as unknown as string), "ReferenceInvalidFormat");
    expectKind(() => withName({} as unknown as string), "ReferenceInvalidFormat");
  });
});

describe("parseNormalizedNamed (G4)", () => {
  const canon = (s: string) => referenceToString(parseNormalizedNamed(s));
  it("no slash: docker.io/library/, even for hostnames", () => {
    expect(canon("ubuntu")).toBe("docker.io/library/ubuntu");
    expect(canon("localhost")).toBe("docker.io/library/localhost");
    expect(canon("example.com")).toBe("docker.io/library/example.com");
    expect(parseNormalizedNamed("quay.io:443")).toEqual({
      domain: "docker.io",
      path: "library/quay.io",
      tag: "443",
      digest: "",
    });
  });
  it("first component is a domain when localhost, has `.` or `:`, or has uppercase", () => {
    expect(parseNormalizedNamed("localhost/foo").domain).toBe("localhost");
    expect(parseNormalizedNamed("localhost:5000/foo").domain).toBe("localhost:5000");
    expect(parseNormalizedNamed("LOCALDOMAIN/foo").domain).toBe("LOCALDOMAIN");
    expect(parseNormalizedNamed("Foo/bar").domain).toBe("Foo");
    expect(parseNormalizedNamed("dmcgowan/myapp").domain).toBe("docker.io");
    expect(parseNormalizedNamed("localhostx/foo").domain).toBe("docker.io");
  });
  it("index.docker.io becomes docker.io; registry-1.docker.io stays; single Hub paths get library/", () => {
    expect(canon("index.docker.io/foo")).toBe("docker.io/library/foo");
    expect(canon("index.docker.io/a/b:1")).toBe("docker.io/a/b:1");
    expect(canon("registry-1.docker.io/foo")).toBe("registry-1.docker.io/foo");
    expect(canon("docker.io/foo")).toBe("docker.io/library/foo");
    expect(canon("docker.io/foo/bar")).toBe("docker.io/foo/bar");
    expect(canon(`docker.io/${"a".repeat(64)}`)).toBe(`docker.io/library/${"a".repeat(64)}`);
  });
  it("a bare 64-hex string is refused", () => {
    expectKind(
      () => parseNormalizedNamed(H),
      "NameIsHexIdentifier",
      `invalid repository name (${H}), cannot specify 64-byte hexadecimal strings`,
    );
  });
  it("the remote name (cut at the first `:`) must be lowercase", () => {
    expectKind(
      () => parseNormalizedNamed(`foo@SHA256:${H}`),
      "RepositoryNameUppercase",
      "invalid reference format: repository name (library/foo@SHA256) must be lowercase",
    );
    const e = expectKind(
      () => parseNormalizedNamed("docker.io/docker/Docker"),
      "RepositoryNameUppercase",
      "invalid reference format: repository name (docker/Docker) must be lowercase",
    );
    expect(e.offset).toBe(17);
    expectKind(() => parseNormalizedNamed("ÉCOLE/foo"), "ReferenceInvalidFormat");
    expectKind(() => parseNormalizedNamed("foo/Éa"), "RepositoryNameUppercase");
  });
  it("quirk: a first component with `.` that is not a host leaves an empty domain", () => {
    expect(parseNormalizedNamed("ex_ample.com/a")).toEqual({
      domain: "",
      path: "ex_ample.com/a",
      tag: "",
      digest: "",
    });
  });
  it("the 255 limit applies to the normalized path", () => {
    expectKind(() => parseNormalizedNamed("a".repeat(255)), "NameTooLong");
    expect(parseNormalizedNamed("a".repeat(247)).path).toHaveLength(255);
    expectKind(() => parseNormalizedNamed(`x/${"a".repeat(254)}`), "NameTooLong");
    expect(parseNormalizedNamed(`x/${"a".repeat(253)}`).path).toHaveLength(255);
    // Whole-name rule: "docker.io/library/" is 18 characters of the name.
    expect(parseNormalizedNamed("a".repeat(237), { lengthRule: "name" }).path).toHaveLength(245);
    expectKind(() => parseNormalizedNamed("a".repeat(238), { lengthRule: "name" }), "NameTooLong");
    expectKind(() => parseNormalizedNamed(`x/${"a".repeat(244)}`, { dialect: "openshift" }), "NameTooLong");
  });
  it("errors raised behind the docker.io prefix point into the input", () => {
    expect(expectKind(() => parseNormalizedNamed("ubuntu "), "ReferenceInvalidFormat").offset).toBe(6);
    expect(expectKind(() => parseNormalizedNamed("a/b "), "ReferenceInvalidFormat").offset).toBe(3);
    expect(expectKind(() => parseNormalizedNamed(""), "ReferenceInvalidFormat").input).toBe("");
    expectKind(() => parseNormalizedNamed("ubuntu:Tag!"), "ReferenceInvalidFormat");
    expectKind(() => parseNormalizedNamed("ubuntu:\u212A"), "NameContainsUppercase");
    expectKind(() => parseNormalizedNamed(`ubuntu@sha256:${"a".repeat(60)}`), "DigestInvalidLength");
  });
});

describe("familiar names", () => {
  it("G4 drop docker.io/ and library/ only when nothing follows", () => {
    expect(familiarName(parseNormalizedNamed("docker.io/library/ubuntu"))).toBe("ubuntu");
    expect(familiarName(parseNormalizedNamed("docker.io/library/foo/bar"))).toBe("library/foo/bar");
    expect(familiarName(parseNormalizedNamed("docker.io/dmcgowan/myapp"))).toBe("dmcgowan/myapp");
    expect(familiarName(parseNormalizedNamed("quay.io/a/b"))).toBe("quay.io/a/b");
    expect(familiarString(parseNormalizedNamed(`redis:7@sha256:${H}`))).toBe(`redis:7@sha256:${H}`);
    expect(familiarString(parseAnyReference(H))).toBe(`sha256:${H}`);
  });
});

describe("parseDockerRef, parseAnyReference, parseNamed", () => {
  it("parseDockerRef drops the tag when a digest is present, adds latest when neither", () => {
    expect(referenceToString(parseDockerRef("busybox"))).toBe("docker.io/library/busybox:latest");
    expect(parseDockerRef(`busybox:1@sha256:${H}`).tag).toBe("");
    expect(parseDockerRef(`busybox@sha256:${H}`).tag).toBe("");
    expect(parseDockerRef("busybox:1").tag).toBe("1");
  });
  it("parseAnyReference: 64-hex ID and digests are digest-only; 63 hex is a name", () => {
    expect(parseAnyReference(H)).toEqual({ domain: "", path: "", tag: "", digest: `sha256:${H}` });
    expect(parseAnyReference(`sha256:${H}`).digest).toBe(`sha256:${H}`);
    expect(parseAnyReference(H.slice(1)).path).toBe(`library/${H.slice(1)}`);
    expect(referenceToString(parseAnyReference(`sha256:${H}`))).toBe(`sha256:${H}`);
    expect(referenceName(parseAnyReference(H))).toBe("");
  });
  it("parseNamed requires canonical input", () => {
    expect(parseNamed("docker.io/library/foo").path).toBe("library/foo");
    for (const s of ["foo", "library/foo", "docker.io/foo", "test.com"]) {
      expectKind(() => parseNamed(s), "NameNotCanonical", "repository name must be canonical");
    }
  });
});

describe("withName, withTag, withDigest, trimNamed, tagNameOnly", () => {
  const base = deepFreeze(parseReference("example.com/repo"));
  it("withName accepts names only; the empty string is a format error, not NameEmpty", () => {
    expect(withName("test:8080/foo")).toEqual({ domain: "test:8080", path: "foo", tag: "", digest: "" });
    expectKind(() => withName(""), "ReferenceInvalidFormat");
    expectKind(() => withName("example.com/repo:tag"), "ReferenceInvalidFormat");
    expectKind(() => withName(`example.com/${"a".repeat(256)}`), "NameTooLong");
    expectKind(() => withName(`e.com/${"a".repeat(250)}`, { lengthRule: "name" }), "NameTooLong");
    expectKind(() => withName("[::1]/a", { dialect: "openshift" }), "ReferenceInvalidFormat");
    expect(withName("[::1]/a").domain).toBe("[::1]");
  });
  it("withTag checks the tag pattern and keeps the digest; same object when unchanged", () => {
    const tagged = withTag(base, "v1");
    expect(referenceToString(tagged)).toBe("example.com/repo:v1");
    expect(withTag(tagged, "v1")).toBe(tagged);
    expectKind(() => withTag(base, "-bad"), "TagInvalidFormat", "invalid tag format");
    expectKind(() => withTag(base, "t".repeat(129)), "TagInvalidFormat");
    const both = withTag(withDigest(base, `sha256:${H}`), "x");
    expect(referenceToString(both)).toBe(`example.com/repo:x@sha256:${H}`);
    expectKind(() => withTag(parseAnyReference(H), "x"), "ReferenceInvalidFormat");
  });
  it("withDigest checks only the loose grammar (a 37-hex sha256 is accepted)", () => {
    const d = `sha256:${"f".repeat(37)}`;
    expect(withDigest(base, d).digest).toBe(d);
    expectKind(() => withDigest(base, "sha256:abc"), "DigestInvalidFormat", "invalid digest format");
    const r = withDigest(base, d);
    expect(withDigest(r, d)).toBe(r);
    expectKind(() => withDigest(parseAnyReference(H), d), "ReferenceInvalidFormat");
  });
  it("trimNamed and tagNameOnly return the same object when there is nothing to do", () => {
    expect(trimNamed(base)).toBe(base);
    const full = deepFreeze(parseReference(`a/b:1@sha256:${H}`));
    expect(trimNamed(full)).toEqual({ domain: "a", path: "b", tag: "", digest: "" });
    expect(tagNameOnly(base).tag).toBe("latest");
    expect(tagNameOnly(full)).toBe(full);
    const digestOnly: Reference = parseAnyReference(H);
    expect(tagNameOnly(digestOnly)).toBe(digestOnly);
  });
});

describe("normalization edge cases", () => {
  it("G4 an empty first component or remainder is a format error", () => {
    expectKind(() => parseNormalizedNamed("/foo"), "ReferenceInvalidFormat");
    expect(expectKind(() => parseNormalizedNamed("docker.io/"), "ReferenceInvalidFormat").offset).toBe(10);
    expectKind(() => parseNormalizedNamed("index.docker.io/"), "ReferenceInvalidFormat");
  });
  it("G4 a first component with `:` is kept even when it is not a valid host:port", () => {
    expectKind(() => parseNormalizedNamed("a:b/c"), "ReferenceInvalidFormat");
    expect(parseNormalizedNamed("[::1]:5000/foo").domain).toBe("[::1]:5000");
    expectKind(() => parseNormalizedNamed("[::1]:5000/Foo"), "RepositoryNameUppercase");
  });
  it("G4 the uppercase-remote error wins over a later digest error", () => {
    expectKind(() => parseNormalizedNamed(`Foo/bar@SHA256:${H}`), "RepositoryNameUppercase");
    expectKind(() => parseNormalizedNamed(`quay.io/bar@SHA256:${H}`), "RepositoryNameUppercase");
    expectKind(() => parseNormalizedNamed(`quay.io/bar@sha256:${H.toUpperCase()}`), "DigestInvalidFormat");
  });
  it("G4 ParseAnyReference falls back to a name for an uppercase-hex digest", () => {
    const r = parseAnyReference(`sha256:${H.toUpperCase()}`);
    expect(r).toEqual({ domain: "docker.io", path: "library/sha256", tag: H.toUpperCase(), digest: "" });
    expect(parseAnyReference(`sha512:${"a".repeat(128)}`).digest).toBe(`sha512:${"a".repeat(128)}`);
  });
});
