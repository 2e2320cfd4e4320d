import { describe, expect, it } from "vitest";
import { validateImageStreamMapping } from "../../src/validation/index.js";
import { deepFreeze } from "../support/freeze.js";
import { DIGEST_A, DNS_LABEL_MSG, fixture } from "./helpers.js";

const image = { metadata: { name: "foo" }, dockerImageReference: "openshift/ruby-19-centos" };
const mapping = (extra: Record<string, unknown> = {}) => ({
  metadata: { name: "ruby", namespace: "default" },
  tag: "latest",
  image,
  ...extra,
});

describe("validateImageStreamMapping (§4.3)", () => {
  it("§4.3 the seed mapping as printed in the docs: exactly one error, Required on image.metadata.name", () => {
    const seed = deepFreeze(fixture("seed-image-stream-mapping.yaml"));
    expect(validateImageStreamMapping(seed)).toEqual([
      {
        type: "FieldValueRequired",
        field: "image.metadata.name",
        value: "",
        detail: "name or generateName is required",
      },
    ]);
  });

  it("§4.3 the seed mapping with image.metadata.name = the digest of its dockerImageReference validates clean", () => {
    const seed = fixture("seed-image-stream-mapping.yaml");
    const img = seed.image as Record<string, unknown>;
    const ref = img.dockerImageReference as string;
    const digest = ref.slice(ref.indexOf("@") + 1);
    expect(digest).toBe(DIGEST_A);
    const named = deepFreeze({ ...seed, image: { ...img, metadata: { name: digest } } });
    expect(validateImageStreamMapping(named)).toEqual([]);
    // and with the current API version
    expect(validateImageStreamMapping({ ...named, apiVersion: "image.openshift.io/v1" })).toEqual([]);
  });

  it("R4.3.1 a stream name (or a repository) is required; with neither, Required on name and dockerImageRepository", () => {
    expect(validateImageStreamMapping(mapping())).toEqual([]);
    expect(validateImageStreamMapping(mapping({ metadata: { namespace: "default" } }))).toEqual([
      {
        type: "FieldValueRequired",
        field: "metadata.name",
        value: "",
        detail: "name or generateName is required",
      },
      { type: "FieldValueRequired", field: "name", value: "", detail: "" },
      { type: "FieldValueRequired", field: "dockerImageRepository", value: "", detail: "" },
    ]);
  });

  it("R4.3.1 the deprecated dockerImageRepository must parse", () => {
    const errs = validateImageStreamMapping(
      mapping({
        metadata: { name: "ruby", namespace: "default" },
        dockerImageRepository: "registry/extra/openshift//ruby-19-centos",
      }),
    );
    expect(errs).toEqual([
      {
        type: "FieldValueInvalid",
        field: "dockerImageRepository",
        value: "registry/extra/openshift//ruby-19-centos",
        detail: "invalid reference format",
      },
    ]);
    expect(
      validateImageStreamMapping(mapping({ dockerImageRepository: "openshift/ruby-19-centos" })),
    ).toEqual([]);
  });

  it("R4.3.1 the stream name is only checked as a path segment", () => {
    expect(
      validateImageStreamMapping(mapping({ metadata: { name: "Not_A_Stream.Name", namespace: "default" } })),
    ).toEqual([]);
    expect(validateImageStreamMapping(mapping({ metadata: { name: "a/b", namespace: "default" } }))).toEqual([
      { type: "FieldValueInvalid", field: "metadata.name", value: "a/b", detail: "may not contain '/'" },
    ]);
  });

  it("R4.3.2 the namespace must be a valid namespace name (reported by ObjectMeta and again by the mapping check)", () => {
    expect(validateImageStreamMapping(mapping({ metadata: { name: "ruby", namespace: "!$" } }))).toEqual([
      { type: "FieldValueInvalid", field: "metadata.namespace", value: "!$", detail: DNS_LABEL_MSG },
      { type: "FieldValueInvalid", field: "metadata.namespace", value: "!$", detail: DNS_LABEL_MSG },
    ]);
    expect(validateImageStreamMapping(mapping({ metadata: { name: "ruby" } }))).toEqual([
      { type: "FieldValueRequired", field: "metadata.namespace", value: "", detail: "" },
      { type: "FieldValueInvalid", field: "metadata.namespace", value: "", detail: DNS_LABEL_MSG },
    ]);
    const long = `${"a".repeat(64)}!`;
    expect(
      validateImageStreamMapping(mapping({ metadata: { name: "ruby", namespace: long } })).at(-1)?.detail,
    ).toBe(`must be no more than 63 characters, ${DNS_LABEL_MSG}`);
  });

  it("R4.3.3 tag required, with no format check", () => {
    expect(validateImageStreamMapping(mapping({ tag: "" }))).toEqual([
      { type: "FieldValueRequired", field: "tag", value: "", detail: "" },
    ]);
    expect(validateImageStreamMapping(mapping({ tag: undefined }))).toHaveLength(1);
    expect(validateImageStreamMapping(mapping({ tag: "Any Thing/%:@" }))).toEqual([]);
  });

  it("R4.3.4 the image is validated with the image. prefix", () => {
    expect(
      validateImageStreamMapping(mapping({ image: { dockerImageReference: "openshift/ruby-19-centos" } })),
    ).toEqual([
      {
        type: "FieldValueRequired",
        field: "image.metadata.name",
        value: "",
        detail: "name or generateName is required",
      },
    ]);
    expect(
      validateImageStreamMapping(
        mapping({ image: { metadata: { name: "foo" }, dockerImageReference: "Bad" } }),
      ),
    ).toEqual([
      {
        type: "FieldValueInvalid",
        field: "image.dockerImageReference",
        value: "Bad",
        detail: "repository name must be lowercase",
      },
    ]);
    expect(validateImageStreamMapping(mapping({ image: undefined })).map((e) => e.field)).toEqual([
      "image.metadata.name",
      "image.dockerImageReference",
    ]);
  });

  it("§4.3 any shape is reported, never thrown", () => {
    expect(validateImageStreamMapping(null).map((e) => e.field)).toEqual([
      "metadata.name",
      "metadata.namespace",
      "name",
      "dockerImageRepository",
      "metadata.namespace",
      "tag",
      "image.metadata.name",
      "image.dockerImageReference",
    ]);
  });
});
