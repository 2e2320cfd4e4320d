import { describe, expect, it } from "vitest";
import { ImageReferenceError } from "../../src/errors.js";
import { isDigest, parseDigest } from "../../src/reference/index.js";

const H = "3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";

function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImageReferenceError) return e.kind;
    throw e;
  }
  return "ok";
}

describe("parseDigest / isDigest (R3.3.1, G3)", () => {
  it("R3.3.1 sha256/384/512 with exact hex lengths", () => {
    expect(parseDigest(`sha256:${H}`)).toEqual({ algorithm: "sha256", hex: H });
    expect(parseDigest(`sha384:${"a".repeat(96)}`).algorithm).toBe("sha384");
    expect(parseDigest(`sha512:${"a".repeat(128)}`, { dialect: "docker" }).hex).toHaveLength(128);
    expect(isDigest(`sha256:${H}`)).toBe(true);
    expect(isDigest(`sha256:${H.toUpperCase()}`)).toBe(true);
    expect(isDigest(`sha256:${H.slice(1)}`)).toBe(false);
    expect(isDigest("sha256:")).toBe(false);
    expect(isDigest(H)).toBe(false);
    expect(isDigest(42 as unknown as string)).toBe(false);
  });
  const table: Array<[string, string, string]> = [
    // input, library-go (openshift) kind, go-digest (docker) kind
    [`sha256:${H}`, "ok", "ok"],
    [`sha256:${H.toUpperCase()}`, "ok", "DigestInvalidFormat"],
    [`SHA256:${H}`, "DigestUnsupported", "DigestInvalidFormat"],
    [`md5:${H}`, "DigestUnsupported", "DigestUnsupported"],
    [`sha256+b64u:${H}`, "DigestUnsupported", "DigestUnsupported"],
    [`sha256:${H}0`, "DigestInvalidLength", "DigestInvalidLength"],
    [`sha512:${H}`, "DigestInvalidLength", "DigestInvalidLength"],
    ["sha256:", "DigestInvalidFormat", "DigestInvalidFormat"],
    [":abc", "DigestInvalidFormat", "DigestInvalidFormat"],
    ["nocolon", "DigestInvalidFormat", "DigestInvalidFormat"],
    [`sha256:${"g".repeat(64)}`, "DigestInvalidFormat", "DigestInvalidFormat"],
    ["md5:zz", "DigestInvalidFormat", "DigestUnsupported"],
    ["md5:a:b", "DigestInvalidFormat", "DigestInvalidFormat"],
    ["a..b:ff", "DigestUnsupported", "DigestInvalidFormat"],
    ["a b:ff", "DigestInvalidFormat", "DigestInvalidFormat"],
    ["", "DigestInvalidFormat", "DigestInvalidFormat"],
  ];
  it.each(table)("R3.3.1 %s → library-go %s, go-digest %s", (input, lg, gd) => {
    expect(kindOf(() => parseDigest(input))).toBe(lg);
    expect(kindOf(() => parseDigest(input, { dialect: "openshift" }))).toBe(lg);
    expect(kindOf(() => parseDigest(input, { dialect: "docker" }))).toBe(gd);
  });
  it("messages are go-digest's", () => {
    expect(() => parseDigest("md5:ab")).toThrow("unsupported digest algorithm");
    expect(() => parseDigest("sha256:ab")).toThrow("invalid checksum digest length");
    expect(() => parseDigest("x")).toThrow("invalid checksum digest format");
    expect(() => parseDigest(null as unknown as string)).toThrow(ImageReferenceError);
  });
});
