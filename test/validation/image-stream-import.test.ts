import { describe, expect, it } from "vitest";
import { validateImageStreamImport } from "../../src/validation/index.js";
import { deepFreeze } from "../support/freeze.js";
import { DNS_LABEL_MSG, STREAM_NAME_MSG } from "./helpers.js";

const validMeta = { namespace: "foo", name: "foo" };
const repo = (name: string, extra: Record<string, unknown> = {}) => ({
  repository: { from: { kind: "DockerImage", name }, ...extra },
});
const IMPORT_MODE = "invalid import mode, valid modes are '', 'Legacy', 'PreserveOriginal'";

describe("validateImageStreamImport (R4.6)", () => {
  it("R4.6.1 a repository import or an image import is valid", () => {
    expect(validateImageStreamImport(deepFreeze({ metadata: validMeta, spec: repo("redis") }))).toEqual([]);
    expect(
      validateImageStreamImport({
        metadata: validMeta,
        spec: {
          import: true,
          images: [{ from: { kind: "DockerImage", name: "redis:7" }, to: { name: "7" } }],
        },
      }),
    ).toEqual([]);
  });

  it("R4.6.1 the name is validated like an image stream name; the namespace as a DNS label", () => {
    const check = (metadata: Record<string, unknown>) =>
      validateImageStreamImport({ metadata, spec: repo("redis") });
    expect(check({ namespace: "foo" })).toEqual([
      {
        type: "FieldValueRequired",
        field: "metadata.name",
        value: "",
        detail: "name or generateName is required",
      },
    ]);
    expect(check({ namespace: "foo", name: "foo/bar" })).toEqual([
      { type: "FieldValueInvalid", field: "metadata.name", value: "foo/bar", detail: "may not contain '/'" },
    ]);
    expect(check({ namespace: "foo", name: "foo%%bar" })[0]?.detail).toBe("may not contain '%'");
    expect(check({ namespace: "foo", name: "foo bar" })).toEqual([
      { type: "FieldValueInvalid", field: "metadata.name", value: "foo bar", detail: STREAM_NAME_MSG },
    ]);
    expect(check({ name: "foo" })).toEqual([
      { type: "FieldValueRequired", field: "metadata.namespace", value: "", detail: "" },
    ]);
    expect(check({ namespace: "!$", name: "foo" })).toEqual([
      { type: "FieldValueInvalid", field: "metadata.namespace", value: "!$", detail: DNS_LABEL_MSG },
    ]);
  });

  it("R4.6.1 repository: must parse and have no tag or ID", () => {
    const check = (name: string) => validateImageStreamImport({ metadata: validMeta, spec: repo(name) });
    const path = "spec.repository.from.name";
    expect(check("a-|///bbb")).toEqual([
      { type: "FieldValueInvalid", field: path, value: "a-|///bbb", detail: "invalid reference format" },
    ]);
    expect(check("a/b:tag")).toEqual([
      {
        type: "FieldValueInvalid",
        field: path,
        value: "a/b:tag",
        detail: "you must specify an image repository, not a tag or ID",
      },
    ]);
    expect(check("a/b@sha256:something")).toEqual([
      {
        type: "FieldValueInvalid",
        field: path,
        value: "a/b@sha256:something",
        detail: "invalid reference format",
      },
    ]);
    expect(check("")).toEqual([
      {
        type: "FieldValueRequired",
        field: path,
        value: "",
        detail: "container image references require a name",
      },
    ]);
  });

  it("R4.6.1 repository: only DockerImage is supported", () => {
    expect(
      validateImageStreamImport({
        metadata: validMeta,
        spec: { repository: { from: { kind: "ImageStreamTag", name: "a:b" } } },
      }),
    ).toEqual([
      {
        type: "FieldValueInvalid",
        field: "spec.repository.from.kind",
        value: "ImageStreamTag",
        detail: "only DockerImage is supported",
      },
    ]);
  });

  it("R4.6.1 images: kind must be DockerImage, name must parse", () => {
    const errs = validateImageStreamImport({
      metadata: validMeta,
      spec: {
        images: [
          { from: { kind: "DockerImage", name: "abc" }, importPolicy: { scheduled: true } },
          { from: { kind: "DockerImage", name: "abc@badid" }, importPolicy: { scheduled: true } },
          { from: { kind: "ImageStreamTag", name: "other:latest" }, importPolicy: { scheduled: true } },
          { from: { kind: "ImageStreamImage", name: "other@latest" }, importPolicy: { scheduled: true } },
        ],
      },
    });
    expect(errs).toEqual([
      {
        type: "FieldValueInvalid",
        field: "spec.images[1].from.name",
        value: "abc@badid",
        detail: "invalid reference format",
      },
      {
        type: "FieldValueInvalid",
        field: "spec.images[2].from.kind",
        value: "ImageStreamTag",
        detail: "only DockerImage is supported",
      },
      {
        type: "FieldValueInvalid",
        field: "spec.images[3].from.kind",
        value: "ImageStreamImage",
        detail: "only DockerImage is supported",
      },
    ]);
  });

  it("R4.6.1 images: from.name required, '*' accepted (legacy), to.name non-empty when to is set", () => {
    const errs = validateImageStreamImport({
      metadata: validMeta,
      spec: {
        images: [
          { from: { kind: "DockerImage", name: "" } },
          { from: { kind: "DockerImage", name: "*" } },
          { from: { kind: "DockerImage", name: "redis" }, to: { name: "" } },
          { from: { kind: "DockerImage", name: "redis" }, to: null },
        ],
      },
    });
    expect(errs).toEqual([
      { type: "FieldValueRequired", field: "spec.images[0].from.name", value: "", detail: "" },
      {
        type: "FieldValueInvalid",
        field: "spec.images[2].to.name",
        value: "",
        detail: "the name of the target tag must be specified",
      },
    ]);
  });

  it("R4.6.1 at least one image or a repository", () => {
    expect(validateImageStreamImport({ metadata: validMeta, spec: { import: true } })).toEqual([
      {
        type: "FieldValueInvalid",
        field: "spec.images",
        value: null,
        detail: "you must specify at least one image or a repository import",
      },
    ]);
    expect(validateImageStreamImport({ metadata: validMeta, spec: { images: [] } })).toHaveLength(1);
  });

  it("R4.6.1 / R1.3.4 importMode of images and repository must be valid", () => {
    expect(
      validateImageStreamImport({
        metadata: validMeta,
        spec: {
          images: [{ from: { kind: "DockerImage", name: "abc" }, importPolicy: { importMode: "Invalid" } }],
        },
      }),
    ).toEqual([
      {
        type: "FieldValueInvalid",
        field: "spec.images[0].importPolicy.importMode",
        value: "Invalid",
        detail: IMPORT_MODE,
      },
    ]);
    expect(
      validateImageStreamImport({
        metadata: validMeta,
        spec: repo("abc", { importPolicy: { importMode: "Invalid" } }),
      }),
    ).toEqual([
      {
        type: "FieldValueInvalid",
        field: "spec.repository.importPolicy.importMode",
        value: "Invalid",
        detail: IMPORT_MODE,
      },
    ]);
  });

  it("R4.6.1 errors come in upstream order (images, repository, emptiness, metadata); odd shapes never throw", () => {
    expect(validateImageStreamImport(null).map((e) => e.field)).toEqual([
      "spec.images",
      "metadata.name",
      "metadata.namespace",
    ]);
    expect(validateImageStreamImport({ spec: { images: [7] } }).map((e) => e.field)).toEqual([
      "spec.images[0].from.kind",
      "metadata.name",
      "metadata.namespace",
    ]);
  });
});
