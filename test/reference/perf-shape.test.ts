import { describe, expect, it } from "vitest";
import { ImageReferenceError } from "../../src/errors.js";
import { parseDockerImageReference, parseReference } from "../../src/reference/index.js";

// The scanner steps two characters per table lookup and checks a lowercase digest hex with one
// native search, falling back to single steps / a hand loop. These cases put the interesting
// character at both parities (and several alignments) so that both the fast step and the fallback
// must report the same error kind and offset.

function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ImageReferenceError) return `${e.kind}@${e.offset}`;
    throw e;
  }
  return "accepted";
}

const ks = [1, 2, 3, 4, 5, 6, 7, 8];

describe("§1 grammar: same answer whatever the alignment of the offending character", () => {
  it.each(ks)("a separator after '-' in a path component fails at that separator (k=%i)", (k) => {
    expect(failure(() => parseReference(`a/${"b".repeat(k)}-.c`))).toBe(`ReferenceInvalidFormat@${3 + k}`);
  });
  it.each(ks)("a third '_' fails at that '_' (k=%i)", (k) => {
    expect(failure(() => parseReference(`a/${"b".repeat(k)}___c`))).toBe(`ReferenceInvalidFormat@${4 + k}`);
  });
  it.each(ks)("a name ending in '-' before the tag fails at the ':' (k=%i)", (k) => {
    expect(failure(() => parseReference(`a/${"b".repeat(k)}-:t`))).toBe(`ReferenceInvalidFormat@${3 + k}`);
  });
  it.each(ks)("uppercase in the first segment is NameContainsUppercase at the letter (k=%i)", (k) => {
    expect(failure(() => parseReference(`${"b".repeat(k)}_A/x`))).toBe(`NameContainsUppercase@${k + 1}`);
  });
  it.each(ks)("a first segment that is neither host nor path fails where the path died (k=%i)", (k) => {
    expect(failure(() => parseReference(`${"b".repeat(k)}x.Y-:5/c`))).toBe(`ReferenceInvalidFormat@${k + 2}`);
  });
  it.each([0, ...ks])("valid names of every length split the same way (k=%i)", (k) => {
    const path = `${"b".repeat(k)}c__c-d.e`;
    expect(parseReference(`x.y:5000/${path}:t`)).toEqual({ domain: "x.y:5000", path, tag: "t", digest: "" });
    expect(parseReference(`${"b".repeat(k)}c`)).toEqual({
      domain: "",
      path: `${"b".repeat(k)}c`,
      tag: "",
      digest: "",
    });
  });
  it("the k=0 edge: a component starting with a separator fails at once", () => {
    expect(failure(() => parseReference("a/-.c"))).toBe("ReferenceInvalidFormat@2");
    expect(failure(() => parseReference("a/___c"))).toBe("ReferenceInvalidFormat@2");
    expect(failure(() => parseReference("_A/x"))).toBe("ReferenceInvalidFormat@0");
  });
});

describe("§2 digest hex: the native fast path and the hand loop agree", () => {
  const at = (k: number, c: string) => `a@sha256:${"f".repeat(k)}${c}${"f".repeat(63 - k)}`;
  it.each([0, ...ks, 31, 62, 63])(
    "uppercase hex at %i: Docker rejects the digest, OpenShift keeps it",
    (k) => {
      expect(failure(() => parseReference(at(k, "A")))).toBe("DigestInvalidFormat@2");
      expect(parseDockerImageReference(at(k, "A")).id).toBe(at(k, "A").slice(2));
      expect(parseReference(at(k, "A"), { dialect: "openshift" }).digest).toBe(at(k, "A").slice(2));
    },
  );
  it.each([0, ...ks, 31, 62, 63])("a non-hex character at %i fails exactly there", (k) => {
    expect(failure(() => parseReference(at(k, "g")))).toBe(`ReferenceInvalidFormat@${9 + k}`);
  });
  it("lowercase hex shorter than 32 fails at the end, 32 or more is the grammar", () => {
    expect(failure(() => parseReference(`a@sha256:${"f".repeat(31)}`))).toBe("ReferenceInvalidFormat@40");
    expect(failure(() => parseReference(`a@sha256:${"f".repeat(32)}`))).toBe("DigestInvalidLength@2");
    expect(parseReference(`a@sha256:${"f".repeat(64)}`).digest).toBe(`sha256:${"f".repeat(64)}`);
  });
});

describe("R3.1 OpenShift split from the scan boundaries", () => {
  it("no slash: registry-only when the name has a dot or starts with localhost", () => {
    expect(parseDockerImageReference("a.b:1").registry).toBe("a.b:1");
    expect(parseDockerImageReference("localhostx:1").registry).toBe("localhostx:1");
    expect(parseDockerImageReference("ab:1")).toEqual({
      registry: "",
      namespace: "",
      name: "ab",
      tag: "1",
      id: "",
    });
  });
  it("a port, a dot or exactly localhost before the first slash makes a registry", () => {
    expect(parseDockerImageReference("ab:5/c/d").registry).toBe("ab:5");
    expect(parseDockerImageReference("a.b/c/d/e")).toEqual({
      registry: "a.b",
      namespace: "c",
      name: "d/e",
      tag: "",
      id: "",
    });
    expect(parseDockerImageReference("localhost/c").registry).toBe("localhost");
    expect(parseDockerImageReference("a_b.c/d").registry).toBe("a_b.c");
    expect(parseDockerImageReference("ab/c/d")).toEqual({
      registry: "",
      namespace: "ab",
      name: "c/d",
      tag: "",
      id: "",
    });
    expect(parseDockerImageReference("ab/c:t").namespace).toBe("ab");
  });
});
