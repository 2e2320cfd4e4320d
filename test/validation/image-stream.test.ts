import { describe, expect, it } from "vitest";
import { InvalidError } from "../../src/errors.js";
import {
  assertValid,
  validateImageStream,
  validateImageStreamStatusUpdate,
} from "../../src/validation/index.js";
import { deepFreeze } from "../support/freeze.js";
import { DIGEST_A, DNS_LABEL_MSG, fixture, STREAM_NAME_MSG, stream } from "./helpers.js";

function withMeta(
  namespace: string,
  name: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { metadata: { namespace, name }, ...extra };
}

describe("validateImageStream (§4.1)", () => {
  it("§4.1 the seed ImageStream validates clean", () => {
    expect(validateImageStream(deepFreeze(fixture("seed-image-stream.yaml")))).toEqual([]);
  });

  it("§4.1 the seed ImageStream with its two-item tag history validates clean", () => {
    const s = deepFreeze(fixture("seed-image-stream-history.yaml"));
    expect((s as { status: { tags: Array<{ items: unknown[] }> } }).status.tags[0]?.items).toHaveLength(2);
    expect(validateImageStream(s)).toEqual([]);
  });

  it("R4.1.1 missing name: Required with 'name or generateName is required'", () => {
    expect(validateImageStream(withMeta("foo", ""))).toEqual([
      {
        type: "FieldValueRequired",
        field: "metadata.name",
        value: "",
        detail: "name or generateName is required",
      },
    ]);
  });

  it.each([
    ["foo/bar", "may not contain '/'"],
    ["foo%%bar", "may not contain '%'"],
    ["foo bar", STREAM_NAME_MSG],
    ["Foo", STREAM_NAME_MSG],
    ["a--b", STREAM_NAME_MSG],
    ["a..b", STREAM_NAME_MSG],
    ["-a", STREAM_NAME_MSG],
    ["..", "may not be '..'"],
  ])("R4.1.1 invalid name %j: %s", (name, detail) => {
    expect(validateImageStream(withMeta("foo", name))).toEqual([
      { type: "FieldValueInvalid", field: "metadata.name", value: name, detail },
    ]);
  });

  it("R4.1.1 shortest and all-characters names are valid; no 63-character limit on the name", () => {
    expect(validateImageStream(withMeta("f", "g"))).toEqual([]);
    expect(
      validateImageStream(
        withMeta(
          "abcdefghijklmnopqrstuvwxyz-1234567890",
          "abcdefghijklmnopqrstuvwxyz-1234567890.dot_underscore-dash",
        ),
      ),
    ).toEqual([]);
    expect(validateImageStream(withMeta("ns", "n".repeat(200)))).toEqual([]);
  });

  it("R4.1.1 generateName is checked like a name prefix", () => {
    expect(validateImageStream({ metadata: { namespace: "ns", name: "a", generateName: "a/" } })).toEqual([
      {
        type: "FieldValueInvalid",
        field: "metadata.generateName",
        value: "a/",
        detail: "may not contain '/'",
      },
    ]);
  });

  it("R4.1.2 missing namespace: Required; invalid namespace: the DNS label message", () => {
    expect(validateImageStream(withMeta("", "foo"))).toEqual([
      { type: "FieldValueRequired", field: "metadata.namespace", value: "", detail: "" },
    ]);
    expect(validateImageStream(withMeta("!$", "foo"))).toEqual([
      { type: "FieldValueInvalid", field: "metadata.namespace", value: "!$", detail: DNS_LABEL_MSG },
    ]);
    expect(validateImageStream(withMeta("a".repeat(64), "foo")).map((e) => e.detail)).toEqual([
      "must be no more than 63 characters",
    ]);
  });

  it("R4.1.3 'namespace/name' at most 255 characters: 63 + 191 ok, 63 + 192 fails on metadata.name", () => {
    const ns = "a".repeat(63);
    expect(validateImageStream(withMeta(ns, "b".repeat(191)))).toEqual([]);
    const name = `x${"b".repeat(191)}`;
    expect(validateImageStream(withMeta(ns, name))).toEqual([
      {
        type: "FieldValueInvalid",
        field: "metadata.name",
        value: name,
        detail: "'namespace/name' cannot be longer than 255 characters",
      },
    ]);
  });

  it("R4.1.4 spec.dockerImageRepository must parse, without tag or ID", () => {
    const path = "spec.dockerImageRepository";
    const check = (repo: string) => validateImageStream(stream({ spec: { dockerImageRepository: repo } }));
    expect(check("a-|///bbb")).toEqual([
      { type: "FieldValueInvalid", field: path, value: "a-|///bbb", detail: "invalid reference format" },
    ]);
    expect(check("a/b:tag")).toEqual([
      {
        type: "FieldValueInvalid",
        field: path,
        value: "a/b:tag",
        detail: "the repository name may not contain a tag",
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
    expect(check(`a/b@${DIGEST_A}`)).toEqual([
      {
        type: "FieldValueInvalid",
        field: path,
        value: `a/b@${DIGEST_A}`,
        detail: "the repository name may not contain an ID",
      },
    ]);
    expect(check(`a/b:t@${DIGEST_A}`).map((e) => e.detail)).toEqual([
      "the repository name may not contain a tag",
      "the repository name may not contain an ID",
    ]);
    expect(check("docker.io/openshift/origin")).toEqual([]);
  });

  it("R4.1.5 every spec tag is validated under spec.tags[<name>]; tag names themselves are not", () => {
    const errs = validateImageStream(
      stream({
        spec: {
          tags: [
            { name: "tag", from: { kind: "DockerImage", name: "abc" }, importPolicy: { scheduled: true } },
            {
              name: "other",
              from: { kind: "ImageStreamTag", name: "other:latest" },
              importPolicy: { scheduled: true },
            },
            { name: "Not A Valid:Tag/Name%", from: { kind: "DockerImage", name: "abc" } },
          ],
        },
      }),
    );
    expect(errs).toEqual([
      {
        type: "FieldValueInvalid",
        field: "spec.tags[other].importPolicy.scheduled",
        value: true,
        detail: "only tags pointing to Docker repositories may be scheduled for background import",
      },
    ]);
  });

  it("R4.1.5 spec tags: referencePolicy, importMode and bad references reported with the tag key", () => {
    const errs = validateImageStream(
      stream({
        spec: {
          tags: [
            { name: "z", from: { kind: "DockerImage", name: "abc" }, referencePolicy: { type: "Other" } },
            {
              name: "badid",
              from: { kind: "DockerImage", name: "abc@badid" },
              importPolicy: { scheduled: true },
            },
            {
              name: "tag",
              from: { kind: "DockerImage", name: "abc" },
              importPolicy: { importMode: "Invalid" },
            },
          ],
        },
      }),
    );
    expect(errs.map((e) => [e.field, e.detail])).toEqual([
      ["spec.tags[badid].from.name", "invalid reference format"],
      [
        "spec.tags[tag].importPolicy.importMode",
        "invalid import mode, valid modes are '', 'Legacy', 'PreserveOriginal'",
      ],
      ["spec.tags[z].referencePolicy.type", 'valid values are "Source", "Local"'],
    ]);
  });

  it("R4.1.5 / R1.11.2 duplicate spec tag names: the last one is the one validated", () => {
    const tags = [
      { name: "a", from: { kind: "DockerImage", name: "" } },
      { name: "a", from: { kind: "DockerImage", name: "ok" } },
    ];
    expect(validateImageStream(stream({ spec: { tags } }))).toEqual([]);
    expect(validateImageStream(stream({ spec: { tags: [...tags].reverse() } }))).toHaveLength(1);
  });

  it("R4.1.6 status events: dockerImageReference required and must parse", () => {
    const errs = validateImageStream(
      stream({
        status: {
          tags: [
            {
              tag: "tag",
              items: [
                { dockerImageReference: "" },
                { dockerImageReference: "foo/bar:latest" },
                { dockerImageReference: "" },
              ],
            },
            { tag: "bad", items: [{ dockerImageReference: "Foo/Bar" }, {}] },
          ],
        },
      }),
    );
    expect(errs).toEqual([
      {
        type: "FieldValueInvalid",
        field: "status.tags[bad].items[0].dockerImageReference",
        value: "Foo/Bar",
        detail: "repository name must be lowercase",
      },
      {
        type: "FieldValueRequired",
        field: "status.tags[bad].items[1].dockerImageReference",
        value: "",
        detail: "",
      },
      {
        type: "FieldValueRequired",
        field: "status.tags[tag].items[0].dockerImageReference",
        value: "",
        detail: "",
      },
      {
        type: "FieldValueRequired",
        field: "status.tags[tag].items[2].dockerImageReference",
        value: "",
        detail: "",
      },
    ]);
  });

  it("R4.1.7 references are not checked against a registry allow-list (admin configuration)", () => {
    expect(
      validateImageStream(
        stream({ spec: { tags: [{ name: "a", from: { kind: "DockerImage", name: "registry.ltd/a/b" } }] } }),
      ),
    ).toEqual([]);
  });

  it("R4.1.8 metadata labels and annotations follow the Kubernetes rules; spec tag annotations are not validated", () => {
    const errs = validateImageStream({
      metadata: {
        name: "foo",
        namespace: "ns",
        labels: { "bad key": "v" },
        annotations: { "ok/x": "1", "no good": "2" },
      },
      spec: { tags: [{ name: "a", annotations: { "no good at all": "x" } }] },
    });
    expect(errs.map((e) => [e.type, e.field, e.value])).toEqual([
      ["FieldValueInvalid", "metadata.labels", "bad key"],
      ["FieldValueInvalid", "metadata.annotations", "no good"],
    ]);
    expect(validateImageStream({ metadata: { name: "foo", namespace: "ns", generation: -1 } })).toEqual([
      {
        type: "FieldValueInvalid",
        field: "metadata.generation",
        value: -1,
        detail: "must be greater than or equal to 0",
      },
    ]);
  });

  it("update (opts.old): name and namespace are immutable", () => {
    const old = stream();
    expect(validateImageStream(stream(), { old })).toEqual([]);
    expect(validateImageStream(withMeta("other", "bar"), { old })).toEqual([
      { type: "FieldValueInvalid", field: "metadata.name", value: "bar", detail: "field is immutable" },
      {
        type: "FieldValueInvalid",
        field: "metadata.namespace",
        value: "other",
        detail: "field is immutable",
      },
    ]);
  });

  it("any shape is accepted and reported, never thrown", () => {
    expect(validateImageStream(undefined).map((e) => e.field)).toEqual([
      "metadata.name",
      "metadata.namespace",
    ]);
    expect(validateImageStream("x").map((e) => e.field)).toEqual(["metadata.name", "metadata.namespace"]);
    expect(
      validateImageStream({
        metadata: { name: 1, namespace: [] },
        spec: { tags: "x" },
        status: { tags: [null, { items: [3] }] },
      }).map((e) => e.field),
    ).toEqual(["metadata.name", "metadata.namespace", "status.tags[].items[0].dockerImageReference"]);
  });

  it("assertValid wraps the errors into an InvalidError", () => {
    expect(() => assertValid("ImageStream", "foo", validateImageStream(stream()))).not.toThrow();
    let err: unknown;
    try {
      assertValid("ImageStream", "foo", validateImageStream(withMeta("", "foo")));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidError);
    expect((err as InvalidError).message).toBe(
      'ImageStream.image.openshift.io "foo" is invalid: metadata.namespace: Required value',
    );
    expect((err as InvalidError).toStatus().code).toBe(422);
  });
});

describe("validateImageStreamStatusUpdate (R6.3 path, upstream ValidateImageStreamStatusUpdate)", () => {
  const old = deepFreeze({
    metadata: { name: "foo", namespace: "ns" },
    status: { tags: [{ tag: "latest", items: [{ dockerImageReference: "Legacy/Bad" }] }] },
  });

  it("new status references must parse; references already in the old status are exempt", () => {
    const next = {
      metadata: { name: "foo", namespace: "ns" },
      spec: { tags: [{ name: "x", from: { kind: "Bogus" } }] },
      status: {
        tags: [
          {
            tag: "latest",
            items: [{ dockerImageReference: "a/b:c" }, { dockerImageReference: "Legacy/Bad" }],
          },
          { tag: "new", items: [{ dockerImageReference: "New/Bad" }, {}] },
        ],
      },
    };
    expect(validateImageStreamStatusUpdate(next, old)).toEqual([
      {
        type: "FieldValueInvalid",
        field: "status.tags[new].items[0].dockerImageReference",
        value: "New/Bad",
        detail: "repository name must be lowercase",
      },
      {
        type: "FieldValueInvalid",
        field: "status.tags[new].items[1].dockerImageReference",
        value: "",
        detail: "repository name must have at least one component",
      },
    ]);
  });

  it("name and namespace stay immutable on the status path", () => {
    expect(
      validateImageStreamStatusUpdate({ metadata: { name: "bar", namespace: "ns" } }, old).map((e) => [
        e.field,
        e.detail,
      ]),
    ).toEqual([["metadata.name", "field is immutable"]]);
    expect(validateImageStreamStatusUpdate(null, undefined)).toEqual([]);
  });
});
