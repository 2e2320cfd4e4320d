import { describe, expect, it } from "vitest";
import { validateImageTag, validateImageTagUpdate } from "../../src/validation/index.js";
import { deepFreeze } from "../support/freeze.js";

const meta = { namespace: "default", name: "foo:bar", resourceVersion: "1", annotations: { one: "two" } };
const spec = {
  name: "bar",
  from: { kind: "DockerImage", name: "some/valid:image" },
  referencePolicy: { type: "Source" },
};
const MAY_NOT = "may not update fields other than spec";

describe("validateImageTag (R4.5 create)", () => {
  it("R4.5.1 a spec whose name is the tag part of metadata.name is valid", () => {
    expect(validateImageTag(deepFreeze({ metadata: meta, spec }))).toEqual([]);
  });

  it("R4.5.1 spec is required on create", () => {
    expect(validateImageTag({ metadata: meta })).toEqual([
      {
        type: "FieldValueRequired",
        field: "spec",
        value: "",
        detail: "spec is a required field during creation",
      },
    ]);
  });

  it("R4.5.1 spec.name must match the tag part of metadata.name", () => {
    expect(validateImageTag({ metadata: meta, spec: { ...spec, name: "baz" } })).toEqual([
      { type: "FieldValueInvalid", field: "spec.name", value: "baz", detail: "must match image tag name" },
    ]);
    // no ':' in the name: never matches
    expect(
      validateImageTag({ metadata: { ...meta, name: "foo" }, spec: { ...spec, name: "latest" } })[0]?.field,
    ).toBe("spec.name");
    // "foo:" splits to tag "latest" (R2.1)
    expect(
      validateImageTag({ metadata: { ...meta, name: "foo:" }, spec: { ...spec, name: "latest" } }),
    ).toEqual([]);
    // split at the first ':'
    expect(
      validateImageTag({ metadata: { ...meta, name: "foo:a:b" }, spec: { ...spec, name: "a:b" } }),
    ).toEqual([]);
  });

  it("R4.5.1 the spec is validated as a TagReference under spec", () => {
    expect(
      validateImageTag({ metadata: meta, spec: { ...spec, from: { kind: "", name: "foo/bar:biz" } } }),
    ).toEqual([
      {
        type: "FieldValueRequired",
        field: "spec.from.kind",
        value: "",
        detail: "valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'",
      },
    ]);
  });
});

describe("validateImageTagUpdate (R4.5 update)", () => {
  const old = deepFreeze({
    metadata: meta,
    spec: { from: { kind: "DockerImage", name: "some/other:system" } },
  });

  it("R4.5.1 only spec may change; a missing spec is not an error on update", () => {
    expect(validateImageTagUpdate({ metadata: meta }, old)).toEqual([]);
    expect(validateImageTagUpdate({ metadata: { ...meta, resourceVersion: "2" }, spec }, old)).toEqual([]);
  });

  it("R4.5.1 metadata changes (annotations, labels) are Invalid on metadata", () => {
    expect(
      validateImageTagUpdate({ metadata: { ...meta, annotations: { one: "two", three: "four" } } }, old),
    ).toEqual([{ type: "FieldValueInvalid", field: "metadata", value: "", detail: MAY_NOT }]);
    expect(validateImageTagUpdate({ metadata: { ...meta, labels: { a: "b" } } }, old)).toEqual([
      { type: "FieldValueInvalid", field: "metadata", value: "", detail: MAY_NOT },
    ]);
  });

  it("R4.5.1 status changes are Invalid on status", () => {
    expect(
      validateImageTagUpdate(
        { metadata: meta, status: { tag: "bar", items: [{ dockerImageReference: "x" }] } },
        old,
      ),
    ).toEqual([{ type: "FieldValueInvalid", field: "status", value: "", detail: MAY_NOT }]);
    expect(validateImageTagUpdate({ metadata: meta, status: { tag: "", items: [] } }, old)).toEqual([]);
  });

  it("R4.5.1 the new spec is validated", () => {
    expect(validateImageTagUpdate({ metadata: meta, spec: { ...spec, name: "baz" } }, old)).toEqual([
      { type: "FieldValueInvalid", field: "spec.name", value: "baz", detail: "must match image tag name" },
    ]);
    expect(
      validateImageTagUpdate(
        { metadata: meta, spec: { ...spec, from: { kind: "DockerImage", name: "" } } },
        old,
      ),
    ).toEqual([{ type: "FieldValueRequired", field: "spec.from.name", value: "", detail: "" }]);
  });

  it("R4.5 odd shapes never throw", () => {
    expect(validateImageTagUpdate(undefined, null)).toEqual([]);
    expect(validateImageTag(7).map((e) => e.field)).toEqual(["metadata.name", "metadata.namespace", "spec"]);
  });
});
