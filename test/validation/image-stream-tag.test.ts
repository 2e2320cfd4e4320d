import { describe, expect, it } from "vitest";
import { validateImageStreamTag, validateImageStreamTagUpdate } from "../../src/validation/index.js";
import { deepFreeze } from "../support/freeze.js";

const meta = { namespace: "default", name: "foo:bar", resourceVersion: "1", annotations: { one: "two" } };
const MAY_NOT = "may not update fields other than metadata.annotations";
const TAG_ANN = "tag annotations must not be provided or must be equal to the object meta annotations";

describe("validateImageStreamTag (R4.4 create)", () => {
  it("R4.4.1 metadata.name is a path segment: ':' allowed, '/' and '%' not", () => {
    expect(validateImageStreamTag({ metadata: { namespace: "ns", name: "ruby:latest" } })).toEqual([]);
    expect(validateImageStreamTag({ metadata: { namespace: "ns", name: "a/b:c" } })).toEqual([
      { type: "FieldValueInvalid", field: "metadata.name", value: "a/b:c", detail: "may not contain '/'" },
    ]);
    expect(validateImageStreamTag({ metadata: { namespace: "ns", name: "a%b:c" } })[0]?.detail).toBe(
      "may not contain '%'",
    );
    expect(validateImageStreamTag({}).map((e) => e.field)).toEqual(["metadata.name", "metadata.namespace"]);
  });

  it("R4.4.2 the tag is validated as a TagReference under tag", () => {
    expect(
      validateImageStreamTag({ metadata: meta, tag: { from: { kind: "DockerImage", name: "" } } }),
    ).toEqual([{ type: "FieldValueRequired", field: "tag.from.name", value: "", detail: "" }]);
    expect(
      validateImageStreamTag({ metadata: meta, tag: { from: { kind: "", name: "foo/bar:biz" } } }),
    ).toEqual([
      {
        type: "FieldValueRequired",
        field: "tag.from.kind",
        value: "",
        detail: "valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'",
      },
    ]);
  });

  it("R4.4.2 non-null tag.annotations must equal metadata.annotations", () => {
    const tag = { from: { kind: "DockerImage", name: "some/other:system" } };
    expect(
      validateImageStreamTag({ metadata: meta, tag: { ...tag, annotations: { one: "three" } } }),
    ).toEqual([{ type: "FieldValueInvalid", field: "tag.annotations", value: "<map>", detail: TAG_ANN }]);
    expect(validateImageStreamTag({ metadata: meta, tag: { ...tag, annotations: { one: "two" } } })).toEqual(
      [],
    );
    expect(validateImageStreamTag({ metadata: meta, tag: { ...tag, annotations: null } })).toEqual([]);
    // nil and empty maps are equal, as with Semantic.DeepEqual
    expect(
      validateImageStreamTag({
        metadata: { name: "a:b", namespace: "ns" },
        tag: { ...tag, annotations: {} },
      }),
    ).toEqual([]);
    expect(
      validateImageStreamTag({
        metadata: { name: "a:b", namespace: "ns" },
        tag: { ...tag, annotations: { a: "b" } },
      }),
    ).toHaveLength(1);
  });
});

describe("validateImageStreamTagUpdate (R4.4 update)", () => {
  const old = deepFreeze({
    metadata: meta,
    tag: { from: { kind: "DockerImage", name: "some/other:system" } },
  });

  it("R4.4.3 annotations, tag, lookupPolicy and generation may change", () => {
    expect(
      validateImageStreamTagUpdate(
        { metadata: { ...meta, annotations: { one: "two", three: "four" } } },
        old,
      ),
    ).toEqual([]);
    expect(
      validateImageStreamTagUpdate(
        {
          metadata: {
            ...meta,
            resourceVersion: "7",
            generation: 4,
            creationTimestamp: "2020-01-01T00:00:00Z",
          },
          tag: { from: { kind: "ImageStreamTag", name: "x:y" } },
          lookupPolicy: { local: true },
          generation: 9,
          apiVersion: "image.openshift.io/v1",
          kind: "ImageStreamTag",
        },
        { ...old, generation: 2, lookupPolicy: { local: false }, apiVersion: "v1" },
      ),
    ).toEqual([]);
  });

  it("R4.4.3 other changes (labels, image, conditions) are Invalid on metadata", () => {
    expect(validateImageStreamTagUpdate({ metadata: { ...meta, labels: { a: "b" } } }, old)).toEqual([
      { type: "FieldValueInvalid", field: "metadata", value: "", detail: MAY_NOT },
    ]);
    expect(validateImageStreamTagUpdate({ metadata: meta, image: { metadata: { name: "x" } } }, old)).toEqual(
      [{ type: "FieldValueInvalid", field: "metadata", value: "", detail: MAY_NOT }],
    );
    expect(
      validateImageStreamTagUpdate({ metadata: meta, conditions: [{ type: "ImportSuccess" }] }, old),
    ).toHaveLength(1);
    // an empty uid is filled in from the old object by the server; a different one is a change
    const withUid = { ...old, metadata: { ...meta, uid: "u1" } };
    expect(validateImageStreamTagUpdate({ metadata: meta }, withUid)).toEqual([]);
    expect(validateImageStreamTagUpdate({ metadata: { ...meta, uid: "u2" } }, withUid)).toHaveLength(1);
  });

  it("R4.4.3 name and namespace are immutable", () => {
    expect(validateImageStreamTagUpdate({ metadata: { ...meta, name: "foo:baz" } }, old)).toEqual([
      { type: "FieldValueInvalid", field: "metadata.name", value: "foo:baz", detail: "field is immutable" },
      { type: "FieldValueInvalid", field: "metadata", value: "", detail: MAY_NOT },
    ]);
  });

  it("R4.4.2 on update the new tag is validated and its annotations compared", () => {
    expect(
      validateImageStreamTagUpdate(
        {
          metadata: meta,
          tag: {
            from: { kind: "DockerImage", name: "some/other:system" },
            annotations: { one: "three" },
            referencePolicy: { type: "Source" },
          },
        },
        old,
      ),
    ).toEqual([{ type: "FieldValueInvalid", field: "tag.annotations", value: "<map>", detail: TAG_ANN }]);
    expect(
      validateImageStreamTagUpdate({ metadata: meta, tag: { from: { kind: "DockerImage", name: "" } } }, old),
    ).toEqual([{ type: "FieldValueRequired", field: "tag.from.name", value: "", detail: "" }]);
  });

  it("R4.4 odd shapes never throw", () => {
    expect(validateImageStreamTagUpdate(null, undefined)).toEqual([]);
    expect(validateImageStreamTagUpdate({ metadata: 5 }, { metadata: [] })).toEqual([]);
  });
});
