import { describe, expect, it } from "vitest";
import {
  validateImageStreamName,
  validateNamespaceName,
  validatePathSegmentName,
} from "../../src/validation/index.js";
import {
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  validateAnnotations,
  validateLabels,
} from "../../src/validation/k8s.js";
import { DNS_LABEL_MSG, STREAM_NAME_MSG } from "./helpers.js";

describe("validateImageStreamName (R4.1.1)", () => {
  it.each([
    ["g"],
    ["foo"],
    ["abcdefghijklmnopqrstuvwxyz-1234567890.dot_underscore-dash"],
    ["a.b_c-d"],
    ["b".repeat(300)],
  ])("R4.1.1 accepts %s", (name) => {
    expect(validateImageStreamName(name)).toEqual([]);
  });

  it.each([["foo bar"], ["Foo"], ["-a"], ["a-"], ["a--b"], ["a..b"], ["a._b"], ["_"], [""], ["a:b"]])(
    "R4.1.1 rejects %j with the upstream regex message",
    (name) => {
      expect(validateImageStreamName(name)).toEqual([STREAM_NAME_MSG]);
    },
  );

  it("R4.1.1 path segment rules come first and can both apply", () => {
    expect(validateImageStreamName("foo/bar")).toEqual(["may not contain '/'"]);
    expect(validateImageStreamName("foo%%bar")).toEqual(["may not contain '%'"]);
    expect(validateImageStreamName("a/%")).toEqual(["may not contain '/'", "may not contain '%'"]);
    expect(validateImageStreamName(".")).toEqual(["may not be '.'"]);
    expect(validateImageStreamName("..")).toEqual(["may not be '..'"]);
  });

  it("R4.1.1 a generateName prefix skips the '.'/'..' rule but still must match", () => {
    expect(validateImageStreamName(".", true)).toEqual([STREAM_NAME_MSG]);
    expect(validateImageStreamName("a/", true)).toEqual(["may not contain '/'"]);
  });

  it("never throws on a non-string", () => {
    expect(validateImageStreamName(42 as unknown as string)).toEqual([STREAM_NAME_MSG]);
  });
});

describe("validateNamespaceName (R4.1.2)", () => {
  it("R4.1.2 accepts DNS-1123 labels up to 63 characters", () => {
    expect(validateNamespaceName("f")).toEqual([]);
    expect(validateNamespaceName("abcdefghijklmnopqrstuvwxyz-1234567890")).toEqual([]);
    expect(validateNamespaceName("a".repeat(63))).toEqual([]);
  });

  it("R4.1.2 uses the Kubernetes lowercase RFC 1123 label message", () => {
    expect(validateNamespaceName("!$")).toEqual([DNS_LABEL_MSG]);
    expect(validateNamespaceName("-a")).toEqual([DNS_LABEL_MSG]);
    expect(validateNamespaceName("A")).toEqual([DNS_LABEL_MSG]);
    expect(validateNamespaceName("")).toEqual([DNS_LABEL_MSG]);
  });

  it("R4.1.2 too long and dotted names", () => {
    expect(validateNamespaceName("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
    expect(validateNamespaceName("a.b")).toEqual(["must not contain dots"]);
    expect(validateNamespaceName(`${"a".repeat(64)}!`)).toEqual([
      "must be no more than 63 characters",
      DNS_LABEL_MSG,
    ]);
    expect(validateNamespaceName(undefined as unknown as string)).toEqual([DNS_LABEL_MSG]);
  });
});

describe("validatePathSegmentName (R4.4.1, R1.9.8)", () => {
  it("R4.4.1 allows ':' and '@' but not '/', '%', '.', '..'", () => {
    expect(validatePathSegmentName("ruby:latest")).toEqual([]);
    expect(validatePathSegmentName("ruby@sha256:abc")).toEqual([]);
    expect(validatePathSegmentName("a/b")).toEqual(["may not contain '/'"]);
    expect(validatePathSegmentName("a%b")).toEqual(["may not contain '%'"]);
    expect(validatePathSegmentName("..")).toEqual(["may not be '..'"]);
    expect(validatePathSegmentName("..", true)).toEqual([]);
    expect(validatePathSegmentName(null as unknown as string)).toEqual([]);
  });
});

describe("R4.1.8 generic metadata rules", () => {
  it("R4.1.8 qualified names (label and annotation keys)", () => {
    expect(isQualifiedName("app")).toEqual([]);
    expect(isQualifiedName("openshift.io/image.dockerRepositoryCheck")).toEqual([]);
    expect(isQualifiedName("/a")).toEqual(["prefix part must be non-empty"]);
    expect(isQualifiedName("a/")).toEqual([
      "name part must be non-empty",
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
    expect(isQualifiedName("a/b/c")[0]).toMatch(
      /^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/,
    );
    expect(isQualifiedName("Bad_Prefix/x")).toEqual([
      "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isQualifiedName("x".repeat(64))[0]).toBe("name part must be no more than 63 characters");
  });

  it("R4.1.8 subdomains and label values", () => {
    expect(isDNS1123Subdomain("example.com")).toEqual([]);
    expect(isDNS1123Subdomain("a..b")).toHaveLength(1);
    expect(isDNS1123Subdomain(`${"a".repeat(254)}`)).toEqual(["must be no more than 253 characters"]);
    expect(isValidLabelValue("")).toEqual([]);
    expect(isValidLabelValue("my_value")).toEqual([]);
    expect(isValidLabelValue("-x")).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
    expect(isValidLabelValue("v".repeat(64))).toEqual(["must be no more than 63 characters"]);
  });

  it("R4.1.8 labels report on metadata.labels with the key or value", () => {
    const errs = validateLabels({ "bad key!": "ok", good: "-bad" }, "metadata.labels");
    expect(errs.map((e) => [e.field, e.value])).toEqual([
      ["metadata.labels", "bad key!"],
      ["metadata.labels", "-bad"],
    ]);
  });

  it("R4.1.8 annotation keys are case-insensitive qualified names; total size 256 KiB", () => {
    expect(validateAnnotations({ "Openshift.IO/Generated-By": "x" }, "metadata.annotations")).toEqual([]);
    expect(validateAnnotations({ "a b": "x" }, "metadata.annotations")[0]?.value).toBe("a b");
    const big = { a: "x".repeat(256 * 1024) };
    expect(validateAnnotations(big, "metadata.annotations")).toEqual([
      {
        type: "FieldValueTooLong",
        field: "metadata.annotations",
        value: "",
        detail: "may not be more than 262144 bytes",
      },
    ]);
    expect(validateAnnotations({ a: "x".repeat(256 * 1024 - 1) }, "metadata.annotations")).toEqual([]);
  });
});
