/**
 * The test tables of openshift-apiserver `pkg/image/apis/image/validation/validation_test.go`,
 * transcribed as data (inputs and expected field errors) and run against our public validation
 * functions. Go's internal types are written in their v1 wire shape: spec/status tag maps become
 * lists keyed by `name`/`tag`, `[]byte` content becomes base64.
 *
 * Registry allow-list ("whitelister") expectations are admin configuration we do not model
 * (R4.1.7); for those tables only the part that does not depend on the allow-list is checked:
 * every case has to be clean under the plain validation, since all their expected errors are
 * allow-list `Forbidden` errors.
 */
import { describe, expect, it } from "vitest";
import {
  type FieldError,
  validateImage,
  validateImageStream,
  validateImageStreamImport,
  validateImageStreamMapping,
  validateImageStreamTagUpdate,
  validateImageTagUpdate,
} from "../support/all.js";
import { deepFreeze } from "../support/freeze.js";
import { DNS_LABEL_MSG, STREAM_NAME_MSG } from "./helpers.js";

const required = (field: string, detail = ""): FieldError => ({
  type: "FieldValueRequired",
  field,
  value: "",
  detail,
});
const invalid = (field: string, value: unknown, detail: string): FieldError => ({
  type: "FieldValueInvalid",
  field,
  value,
  detail,
});
const forbidden = (field: string, detail: string): FieldError => ({
  type: "FieldValueForbidden",
  field,
  value: "",
  detail,
});

const MISSING_NAME = required("metadata.name", "name or generateName is required");
const KIND_DETAIL = "valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'";
const NOT_SCHEDULABLE = "only tags pointing to Docker repositories may be scheduled for background import";
const IMPORT_MODE = "invalid import mode, valid modes are '', 'Legacy', 'PreserveOriginal'";
const SOURCE = { type: "Source" };
const LOCAL = { type: "Local" };
const BLOB = "YmxvYg=="; // []byte("blob")
const DIGEST = "sha256:3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";

type Tags = Record<string, Record<string, unknown>>;
type Events = Record<string, Array<{ dockerImageReference: string }>>;

/** An ImageStream in v1 shape from the internal test fields (maps keyed by tag). */
function imageStream(t: {
  namespace: string;
  name: string;
  dockerImageRepository?: string;
  specTags?: Tags;
  statusTags?: Events;
  resourceVersion?: string;
}): Record<string, unknown> {
  return deepFreeze({
    metadata: {
      name: t.name,
      namespace: t.namespace,
      ...(t.resourceVersion === undefined ? {} : { resourceVersion: t.resourceVersion }),
    },
    spec: {
      ...(t.dockerImageRepository === undefined ? {} : { dockerImageRepository: t.dockerImageRepository }),
      tags: Object.entries(t.specTags ?? {}).map(([name, ref]) => ({ name, ...ref })),
    },
    status: {
      tags: Object.entries(t.statusTags ?? {}).map(([tag, items]) => ({ tag, items })),
    },
  });
}

const dockerFrom = (name: string) => ({ kind: "DockerImage", name });

describe("R1.9.8 validateImage — upstream TestValidateImageOK / TestValidateImageMissingFields", () => {
  it("TestValidateImageOK: name + dockerImageReference is valid", () => {
    expect(
      validateImage({ metadata: { name: "foo" }, dockerImageReference: "openshift/ruby-19-centos" }),
    ).toEqual([]);
  });

  // Upstream asserts that one error has the given type and field; the full lists follow the code.
  const cases: Array<[string, Record<string, unknown>, FieldError["type"], string, FieldError[]]> = [
    ["missing Name", { dockerImageReference: "ref" }, "FieldValueRequired", "metadata.name", [MISSING_NAME]],
    [
      "no slash in Name",
      { metadata: { name: "foo/bar" } },
      "FieldValueInvalid",
      "metadata.name",
      [invalid("metadata.name", "foo/bar", "may not contain '/'"), required("dockerImageReference")],
    ],
    [
      "no percent in Name",
      { metadata: { name: "foo%%bar" } },
      "FieldValueInvalid",
      "metadata.name",
      [invalid("metadata.name", "foo%%bar", "may not contain '%'"), required("dockerImageReference")],
    ],
    [
      "missing DockerImageReference",
      { metadata: { name: "foo" } },
      "FieldValueRequired",
      "dockerImageReference",
      [required("dockerImageReference")],
    ],
  ];
  it.each(cases)("TestValidateImageMissingFields %s", (_name, image, type, field, all) => {
    const errs = validateImage(deepFreeze(image));
    expect(errs.some((e) => e.type === type && e.field === field)).toBe(true);
    expect(errs).toEqual(all);
  });
});

describe("R1.9.8 validateImage signatures — upstream TestValidateImageSignature", () => {
  const IDENTITY = "registry.company.ltd/app/core:v1.2";
  const cond = (type: string, status: string) => ({ type, status });
  const cases: Array<[string, Record<string, unknown>, FieldError[]]> = [
    ["valid", { metadata: { name: "imgname@valid" }, type: "valid", content: BLOB }, []],
    [
      "valid trusted",
      {
        metadata: { name: "imgname@trusted" },
        type: "valid",
        content: BLOB,
        conditions: [cond("Trusted", "True"), cond("ForImage", "True")],
        imageIdentity: IDENTITY,
      },
      [],
    ],
    [
      "valid untrusted",
      {
        metadata: { name: "imgname@untrusted" },
        type: "valid",
        content: BLOB,
        conditions: [cond("Trusted", "True"), cond("ForImage", "False"), cond("Trusted", "False")],
        imageIdentity: IDENTITY,
      },
      [],
    ],
    [
      "invalid name and missing type",
      { metadata: { name: "notype" }, content: BLOB },
      [
        invalid("metadata.name", "notype", "name must be of format <imageName>@<signatureName>"),
        required("type"),
      ],
    ],
    ["missing content", { metadata: { name: "img@nocontent" }, type: "invalid" }, [required("content")]],
    [
      "missing ForImage condition",
      {
        metadata: { name: "img@noforimage" },
        type: "invalid",
        content: BLOB,
        conditions: [cond("Trusted", "True")],
        imageIdentity: IDENTITY,
      },
      [invalid("conditions", [cond("Trusted", "True")], 'missing "ForImage" condition type')],
    ],
    [
      "adding labels and anotations",
      {
        metadata: { name: "img@annotated", annotations: { key: "value" }, labels: { label: "value" } },
        type: "valid",
        content: BLOB,
      },
      [
        forbidden("metadata.labels", "signature labels cannot be set"),
        forbidden("metadata.annotations", "signature annotations cannot be set"),
      ],
    ],
    [
      "filled metadata for unknown signature state",
      {
        metadata: { name: "img@metadatafilled" },
        type: "invalid",
        content: BLOB,
        conditions: [cond("Trusted", "Unknown"), cond("ForImage", "Unknown")],
        imageIdentity: IDENTITY,
        signedClaims: { claim: "value" },
        issuedBy: { organization: "org" },
        issuedTo: { publicKeyID: "id" },
      },
      [
        invalid("imageIdentity", IDENTITY, "must be unset for unknown signature state"),
        invalid("signedClaims", { claim: "value" }, "must be unset for unknown signature state"),
        invalid("issuedBy", { organization: "org" }, "must be unset for unknown signature state"),
        invalid("issuedTo", { publicKeyID: "id" }, "must be unset for unknown signature state"),
      ],
    ],
  ];
  it.each(cases)("TestValidateImageSignature %s", (_name, signature, expected) => {
    // validateImageSignature is internal upstream; validateImage runs it for every signatures[i].
    const image = deepFreeze({
      metadata: { name: "foo" },
      dockerImageReference: "openshift/ruby-19-centos",
      signatures: [signature],
    });
    expect(validateImage(image)).toEqual(expected.map((e) => ({ ...e, field: `signatures[0].${e.field}` })));
  });
});

describe("R1.9.7 validateImage manifest lists — upstream TestValidateImageManifests", () => {
  const D = "sha256:82bc737c1fede1c1534446cd5fdd0737c4e0f3650454c9e1905e2d70af95778e";
  const cases: Array<[string, Record<string, unknown>, FieldError[]]> = [
    [
      "invalid digest",
      { digest: "abc", mediaType: "foo/bar", architecture: "foo", os: "bar" },
      [invalid("digest", "abc", "digest does not conform with OCI image specification")],
    ],
    [
      "invalid media type",
      { digest: D, mediaType: "foobar", architecture: "foo", os: "bar" },
      [invalid("mediaType", "foobar", "media type does not conform to RFC6838")],
    ],
    ["required architecture", { digest: D, mediaType: "foo/bar", os: "bar" }, [required("architecture")]],
    ["required OS", { digest: D, mediaType: "foo/bar", architecture: "bar" }, [required("os")]],
    [
      "negative size",
      { digest: D, mediaType: "foo/bar", architecture: "bar", os: "linux", manifestSize: -2 },
      [invalid("size", -2, "manifest size cannot be negative")],
    ],
  ];
  it.each(cases)("TestValidateImageManifests %s", (_name, manifest, expected) => {
    // validateImageManifests is internal upstream; validateImage runs it on dockerImageManifests.
    const image = deepFreeze({
      metadata: { name: "foo" },
      dockerImageReference: "openshift/ruby-19-centos",
      dockerImageManifests: [manifest],
    });
    expect(validateImage(image)).toEqual(
      expected.map((e) => ({ ...e, field: `dockerImageManifests[0].${e.field}` })),
    );
  });
});

describe("R4.3 validateImageStreamMapping — upstream TestValidateImageStreamMappingNotOK", () => {
  const image = {
    metadata: { name: "foo", namespace: "default" },
    dockerImageReference: "openshift/ruby-19-centos",
  };
  // The embedded image carries a namespace, which a cluster-scoped Image may not have.
  const imageNamespace = forbidden("image.metadata.namespace", "not allowed on this type");
  const cases: Array<[string, Record<string, unknown>, FieldError["type"], string, FieldError[]]> = [
    [
      "missing DockerImageRepository",
      { metadata: { namespace: "default" }, tag: "latest", image },
      "FieldValueRequired",
      "dockerImageRepository",
      [MISSING_NAME, required("name"), required("dockerImageRepository"), imageNamespace],
    ],
    [
      "missing Name",
      { metadata: { namespace: "default" }, tag: "latest", image },
      "FieldValueRequired",
      "name",
      [MISSING_NAME, required("name"), required("dockerImageRepository"), imageNamespace],
    ],
    [
      "missing Tag",
      { metadata: { namespace: "default" }, dockerImageRepository: "openshift/ruby-19-centos", image },
      "FieldValueRequired",
      "tag",
      [MISSING_NAME, required("tag"), imageNamespace],
    ],
    [
      "missing image name",
      {
        metadata: { namespace: "default" },
        dockerImageRepository: "openshift/ruby-19-centos",
        tag: "latest",
        image: { dockerImageReference: "openshift/ruby-19-centos" },
      },
      "FieldValueRequired",
      "image.metadata.name",
      [MISSING_NAME, required("image.metadata.name", "name or generateName is required")],
    ],
    [
      "invalid repository pull spec",
      {
        metadata: { namespace: "default" },
        dockerImageRepository: "registry/extra/openshift//ruby-19-centos",
        tag: "latest",
        image,
      },
      "FieldValueInvalid",
      "dockerImageRepository",
      [
        MISSING_NAME,
        invalid(
          "dockerImageRepository",
          "registry/extra/openshift//ruby-19-centos",
          "invalid reference format",
        ),
        imageNamespace,
      ],
    ],
  ];
  it.each(cases)("TestValidateImageStreamMappingNotOK %s", (_name, mapping, type, field, all) => {
    const errs = validateImageStreamMapping(deepFreeze(mapping));
    expect(errs.some((e) => e.type === type && e.field === field)).toBe(true);
    expect(errs).toEqual(all);
  });
});

const NS63 = "a".repeat(63);
const NAME191 = "b".repeat(191);
const NAME192 = `x${NAME191}`;
const ALL_CHARS_NS = "abcdefghijklmnopqrstuvwxyz-1234567890";
const ALL_CHARS_NAME = "abcdefghijklmnopqrstuvwxyz-1234567890.dot_underscore-dash";

describe("R4.1/R4.2 validateImageStream — upstream TestValidateImageStream", () => {
  const cases: Array<[string, Parameters<typeof imageStream>[0], FieldError[]]> = [
    ["missing name", { namespace: "foo", name: "" }, [MISSING_NAME]],
    [
      "no slash in Name",
      { namespace: "foo", name: "foo/bar" },
      [invalid("metadata.name", "foo/bar", "may not contain '/'")],
    ],
    [
      "no percent in Name",
      { namespace: "foo", name: "foo%%bar" },
      [invalid("metadata.name", "foo%%bar", "may not contain '%'")],
    ],
    [
      "other invalid name",
      { namespace: "foo", name: "foo bar" },
      [invalid("metadata.name", "foo bar", STREAM_NAME_MSG)],
    ],
    ["missing namespace", { namespace: "", name: "foo" }, [required("metadata.namespace")]],
    [
      "invalid namespace",
      { namespace: "!$", name: "foo" },
      [invalid("metadata.namespace", "!$", DNS_LABEL_MSG)],
    ],
    [
      "invalid dockerImageRepository",
      { namespace: "namespace", name: "foo", dockerImageRepository: "a-|///bbb" },
      [invalid("spec.dockerImageRepository", "a-|///bbb", "invalid reference format")],
    ],
    [
      "invalid dockerImageRepository with tag",
      { namespace: "namespace", name: "foo", dockerImageRepository: "a/b:tag" },
      [invalid("spec.dockerImageRepository", "a/b:tag", "the repository name may not contain a tag")],
    ],
    [
      "invalid dockerImageRepository with ID",
      { namespace: "namespace", name: "foo", dockerImageRepository: "a/b@sha256:something" },
      [invalid("spec.dockerImageRepository", "a/b@sha256:something", "invalid reference format")],
    ],
    [
      "status tag missing dockerImageReference",
      {
        namespace: "namespace",
        name: "foo",
        statusTags: {
          tag: [
            { dockerImageReference: "" },
            { dockerImageReference: "foo/bar:latest" },
            { dockerImageReference: "" },
          ],
        },
      },
      [
        required("status.tags[tag].items[0].dockerImageReference"),
        required("status.tags[tag].items[2].dockerImageReference"),
      ],
    ],
    [
      "referencePolicy.type must be valid",
      {
        namespace: "namespace",
        name: "foo",
        specTags: { tag: { from: dockerFrom("abc"), referencePolicy: { type: "Other" } } },
      },
      [invalid("spec.tags[tag].referencePolicy.type", "Other", 'valid values are "Source", "Local"')],
    ],
    [
      "ImageStreamTags can't be scheduled",
      {
        namespace: "namespace",
        name: "foo",
        specTags: {
          tag: { from: dockerFrom("abc"), importPolicy: { scheduled: true }, referencePolicy: SOURCE },
          other: {
            from: { kind: "ImageStreamTag", name: "other:latest" },
            importPolicy: { scheduled: true },
            referencePolicy: SOURCE,
          },
        },
      },
      [invalid("spec.tags[other].importPolicy.scheduled", true, NOT_SCHEDULABLE)],
    ],
    [
      "image IDs can't be scheduled",
      {
        namespace: "namespace",
        name: "foo",
        specTags: {
          badid: {
            from: dockerFrom("abc@badid"),
            importPolicy: { scheduled: true },
            referencePolicy: SOURCE,
          },
        },
      },
      [invalid("spec.tags[badid].from.name", "abc@badid", "invalid reference format")],
    ],
    [
      "ImageStreamImages can't be scheduled",
      {
        namespace: "namespace",
        name: "foo",
        specTags: {
          otherimage: {
            from: { kind: "ImageStreamImage", name: "other@latest" },
            importPolicy: { scheduled: true },
            referencePolicy: SOURCE,
          },
        },
      },
      [invalid("spec.tags[otherimage].importPolicy.scheduled", true, NOT_SCHEDULABLE)],
    ],
    [
      "valid",
      {
        namespace: "namespace",
        name: "foo",
        specTags: {
          tag: { from: dockerFrom("abc"), referencePolicy: SOURCE },
          other: { from: { kind: "ImageStreamTag", name: "other:latest" }, referencePolicy: SOURCE },
        },
        statusTags: { tag: [{ dockerImageReference: "foo/bar:latest" }] },
      },
      [],
    ],
    ["shortest name components", { namespace: "f", name: "g" }, []],
    ["all possible characters used", { namespace: ALL_CHARS_NS, name: ALL_CHARS_NAME }, []],
    ["max name and namespace length met", { namespace: NS63, name: NAME191 }, []],
    [
      "max name and namespace length exceeded",
      { namespace: NS63, name: NAME192 },
      [invalid("metadata.name", NAME192, "'namespace/name' cannot be longer than 255 characters")],
    ],
    [
      "valid importMode",
      {
        namespace: "namespace",
        name: "foo",
        specTags: {
          tag: {
            from: dockerFrom("abc"),
            referencePolicy: SOURCE,
            importPolicy: { importMode: "PreserveOriginal" },
          },
        },
      },
      [],
    ],
    [
      "invalid importMode",
      {
        namespace: "namespace",
        name: "foo",
        specTags: {
          tag: { from: dockerFrom("abc"), referencePolicy: SOURCE, importPolicy: { importMode: "Invalid" } },
        },
      },
      [invalid("spec.tags[tag].importPolicy.importMode", "Invalid", IMPORT_MODE)],
    ],
  ];
  it.each(cases)("TestValidateImageStream %s", (_name, input, expected) => {
    expect(validateImageStream(imageStream(input))).toEqual(expected);
  });
});

describe("R4.1.7 allow-list tables — upstream TestValidateImageStream(Update)WithWhitelister: clean without an allow-list", () => {
  // Every expected error of these tables is an allow-list Forbidden error (not modelled); without
  // an allow-list the same streams must validate clean.
  const withWhitelister: Array<[string, Parameters<typeof imageStream>[0]]> = [
    [
      "forbid spec references not on the whitelist",
      {
        namespace: "foo",
        name: "bar",
        specTags: { fail: { from: dockerFrom("registry.ltd/a/b"), referencePolicy: SOURCE } },
      },
    ],
    ...(
      [
        [
          "forbid status references not on the whitelist - secure",
          SOURCE,
          "secure",
          [
            "docker.io/foo/bar:latest",
            "example.com/bar:latest",
            "example.com:80/repo:latest",
            "dev.null.io/myapp",
            "dev.null.io:80/myapp",
          ],
        ],
        [
          "forbid status references not on the whitelist - insecure",
          SOURCE,
          "insecure",
          [
            "localhost:5000/baz:latest",
            "example.com:80/bar:latest",
            "registry.ltd/repo:latest",
            "dev.null.io/myapp",
            "dev.null.io:80/myapp",
          ],
        ],
        [
          "forbid status references not on the whitelist",
          SOURCE,
          "securebydefault",
          ["localhost/repo:latest", "example.com:443/bar:latest", "example.com/repo:latest"],
        ],
        [
          "local reference policy does not matter",
          LOCAL,
          "securebydefault",
          ["localhost/repo:latest", "example.com:443/bar:latest", "example.com/repo:latest"],
        ],
      ] as const
    ).map(([name, policy, statusTag, refs]): [string, Parameters<typeof imageStream>[0]] => [
      name,
      {
        namespace: "foo",
        name: "bar",
        specTags: {
          secure: {
            from: dockerFrom("example.com:443/repo"),
            importPolicy: { insecure: false },
            referencePolicy: policy,
          },
          insecure: {
            from: dockerFrom("example.com/repo"),
            importPolicy: { insecure: true },
            referencePolicy: policy,
          },
        },
        statusTags: { [statusTag]: refs.map((dockerImageReference) => ({ dockerImageReference })) },
      },
    ]),
    [
      "whitelisted repository",
      { namespace: "foo", name: "bar", dockerImageRepository: "example.com/openshift/origin" },
    ],
    [
      "not whitelisted repository",
      { namespace: "foo", name: "bar", dockerImageRepository: "example.com/openshift/origin" },
    ],
  ];
  it.each(withWhitelister)("TestValidateImageStreamWithWhitelister %s", (_name, input) => {
    expect(validateImageStream(imageStream(input))).toEqual([]);
  });

  type Side = Omit<Parameters<typeof imageStream>[0], "namespace" | "name">;
  const updates: Array<[string, Side, Side]> = [
    [
      "no old referencess",
      {},
      {
        specTags: { latest: { from: dockerFrom("example.com/repo"), referencePolicy: SOURCE } },
        statusTags: { latest: [{ dockerImageReference: "example.com" }] },
      },
    ],
    [
      "report not whitelisted",
      {},
      {
        specTags: {
          fail: { from: dockerFrom("example.com/repo"), referencePolicy: SOURCE },
          ok: { from: dockerFrom("docker.io/busybox"), referencePolicy: SOURCE },
        },
        statusTags: {
          fail: [{ dockerImageReference: `example.com/repo@${DIGEST}` }],
          ok: [{ dockerImageReference: "docker.io/library/busybox:latest" }],
        },
      },
    ],
    [
      "allow old not whitelisted references",
      { specTags: { fail: { from: dockerFrom("example.com/repo"), referencePolicy: SOURCE } } },
      {
        specTags: { fail: { from: dockerFrom("example.com/repo"), referencePolicy: SOURCE } },
        statusTags: { fail: [{ dockerImageReference: "example.com/repo" }] },
      },
    ],
    [
      "allow old not whitelisted references from status",
      { statusTags: { latest: [{ dockerImageReference: "abcd.com/repo/myapp:latest" }] } },
      {
        specTags: {
          whitelisted: { from: dockerFrom("abcd.com/repo/myapp:latest"), referencePolicy: SOURCE },
        },
        statusTags: { fail: [{ dockerImageReference: `abcd.com/repo/myapp@${DIGEST}` }] },
      },
    ],
    [
      "allow whitelisted dockerImageRepository",
      { dockerImageRepository: "example.com/my/app" },
      { dockerImageRepository: "docker.io/my/newapp" },
    ],
    [
      "forbid not whitelisted dockerImageRepository",
      { dockerImageRepository: "docker.io/my/app" },
      { dockerImageRepository: "example.com/my/newapp" },
    ],
    [
      "permit no change to not whitelisted dockerImageRepository",
      { dockerImageRepository: "example.com/my/newapp" },
      { dockerImageRepository: "example.com/my/newapp" },
    ],
  ];
  it.each(updates)("TestValidateImageStreamUpdateWithWhitelister %s", (_name, oldSide, newSide) => {
    const meta = { namespace: "nm", name: "testis", resourceVersion: "1" };
    const old = imageStream({ ...meta, ...oldSide });
    expect(validateImageStream(imageStream({ ...meta, ...newSide }), { old })).toEqual([]);
  });
});

describe("R4.4 validateImageStreamTagUpdate — upstream TestValidateISTUpdate", () => {
  const meta = { namespace: "default", name: "foo:bar", resourceVersion: "1", annotations: { one: "two" } };
  const old = deepFreeze({ metadata: meta, tag: { from: dockerFrom("some/other:system") } });

  it("TestValidateISTUpdate success: only annotations changed, tag dropped", () => {
    const next = { metadata: { ...meta, annotations: { one: "two", three: "four" } } };
    expect(validateImageStreamTagUpdate(deepFreeze(next), old)).toEqual([]);
  });

  // Upstream requires every returned error to have the given type and field.
  const cases: Array<[string, Record<string, unknown>, FieldError[]]> = [
    [
      "changedLabel",
      { metadata: { ...meta, labels: { a: "b" } } },
      [invalid("metadata", "", "may not update fields other than metadata.annotations")],
    ],
    [
      "mismatchedAnnotations",
      {
        metadata: meta,
        tag: {
          from: dockerFrom("some/other:system"),
          annotations: { one: "three" },
          referencePolicy: SOURCE,
        },
      },
      [
        invalid(
          "tag.annotations",
          "<map>",
          "tag annotations must not be provided or must be equal to the object meta annotations",
        ),
      ],
    ],
    [
      "tagToNameRequired",
      { metadata: meta, tag: { from: dockerFrom(""), referencePolicy: SOURCE } },
      [required("tag.from.name")],
    ],
    [
      "tagToKindRequired",
      { metadata: meta, tag: { from: { kind: "", name: "foo/bar:biz" }, referencePolicy: SOURCE } },
      [required("tag.from.kind", KIND_DETAIL)],
    ],
  ];
  it.each(cases)("TestValidateISTUpdate %s", (_name, next, expected) => {
    const errs = validateImageStreamTagUpdate(deepFreeze(next), old);
    expect(errs.length).toBeGreaterThan(0);
    const [{ type, field }] = expected as [FieldError];
    for (const e of errs) expect([e.type, e.field]).toEqual([type, field]);
    expect(errs).toEqual(expected);
  });
});

describe("R4.4.2 / R4.5.1 allow-list tables — upstream TestValidateIST/ITUpdateWithWhitelister: clean without an allow-list", () => {
  const ref = (from: Record<string, unknown>, policy = LOCAL, insecure = false) => ({
    from,
    referencePolicy: policy,
    ...(insecure ? { importPolicy: { insecure: true } } : {}),
  });
  const cases = (
    oldKind: string,
  ): Array<[string, Record<string, unknown> | undefined, Record<string, unknown>]> => [
    ["allow whitelisted", undefined, ref(dockerFrom("foo/bar:biz"))],
    ["forbid not whitelisted", undefined, ref(dockerFrom("foo/bar:biz"))],
    ["allow old not whitelisted", ref(dockerFrom("foo/bar:biz")), ref(dockerFrom("foo/bar:biz"))],
    ["exact match not old references", ref(dockerFrom("foo/bar:biz")), ref(dockerFrom("foo/bar:baz"))],
    [
      "do not match insecure registries if not flagged as insecure",
      undefined,
      ref(dockerFrom("example.com/foo/bar:baz")),
    ],
    [
      "match insecure registry if flagged",
      undefined,
      ref(dockerFrom("example.com/foo/bar:baz"), LOCAL, true),
    ],
    ["match integrated registry URL", undefined, ref(dockerFrom("172.30.30.30:5000/foo/bar:baz"))],
    [
      "ignore old reference of unexpected kind",
      ref({ kind: oldKind, name: "bar:biz" }),
      ref(dockerFrom("bar:biz"), LOCAL, true),
    ],
  ];
  const meta = { namespace: "default", name: "foo:bar", resourceVersion: "1" };

  it.each(cases("ImageStreamTag"))("TestValidateISTUpdateWithWhitelister %s", (_name, oldRef, newRef) => {
    const old = deepFreeze({ metadata: meta, ...(oldRef ? { tag: oldRef } : {}) });
    expect(validateImageStreamTagUpdate(deepFreeze({ metadata: meta, tag: newRef }), old)).toEqual([]);
  });
  it.each(cases("ImageTag"))("TestValidateITUpdateWithWhitelister %s", (_name, oldRef, newRef) => {
    // Upstream sets spec.name to "bar" on both sides.
    const old = deepFreeze({ metadata: meta, ...(oldRef ? { spec: { ...oldRef, name: "bar" } } : {}) });
    expect(
      validateImageTagUpdate(deepFreeze({ metadata: meta, spec: { ...newRef, name: "bar" } }), old),
    ).toEqual([]);
  });
});

describe("R4.5.1 validateImageTagUpdate — upstream TestValidateITUpdate", () => {
  const meta = { namespace: "default", name: "foo:bar", resourceVersion: "1", annotations: { one: "two" } };
  const old = deepFreeze({ metadata: meta, spec: { from: dockerFrom("some/other:system") } });

  it("TestValidateITUpdate success: same metadata, spec dropped", () => {
    expect(validateImageTagUpdate(deepFreeze({ metadata: meta }), old)).toEqual([]);
  });

  const OTHER = "may not update fields other than spec";
  const cases: Array<[string, Record<string, unknown>, FieldError[]]> = [
    [
      "changedAnnotations",
      { metadata: { ...meta, annotations: { one: "two", three: "four" } } },
      [invalid("metadata", "", OTHER)],
    ],
    ["changedLabel", { metadata: { ...meta, labels: { a: "b" } } }, [invalid("metadata", "", OTHER)]],
    [
      "mismatchedSpecName",
      {
        metadata: meta,
        spec: { name: "baz", from: dockerFrom("some/valid:image"), referencePolicy: SOURCE },
      },
      [invalid("spec.name", "baz", "must match image tag name")],
    ],
    [
      "tagToNameRequired",
      { metadata: meta, spec: { name: "bar", from: dockerFrom(""), referencePolicy: SOURCE } },
      [required("spec.from.name")],
    ],
    [
      "tagToKindRequired",
      {
        metadata: meta,
        spec: { name: "bar", from: { kind: "", name: "foo/bar:biz" }, referencePolicy: SOURCE },
      },
      [required("spec.from.kind", KIND_DETAIL)],
    ],
  ];
  it.each(cases)("TestValidateITUpdate %s", (_name, next, expected) => {
    const errs = validateImageTagUpdate(deepFreeze(next), old);
    expect(errs.length).toBeGreaterThan(0);
    const [{ type, field }] = expected as [FieldError];
    for (const e of errs) expect([e.type, e.field]).toEqual([type, field]);
    expect(errs).toEqual(expected);
  });
});

describe("R4.6.1 validateImageStreamImport — upstream TestValidateImageStreamImport", () => {
  const validMeta = { namespace: "foo", name: "foo" };
  const repo = (name: string) => ({ repository: { from: { kind: "DockerImage", name } } });
  const validSpec = repo("redis");
  const cases: Array<[string, Record<string, unknown>, FieldError[]]> = [
    ["missing name", { metadata: { namespace: "foo" }, spec: validSpec }, [MISSING_NAME]],
    [
      "no slash in Name",
      { metadata: { namespace: "foo", name: "foo/bar" }, spec: validSpec },
      [invalid("metadata.name", "foo/bar", "may not contain '/'")],
    ],
    [
      "no percent in Name",
      { metadata: { namespace: "foo", name: "foo%%bar" }, spec: validSpec },
      [invalid("metadata.name", "foo%%bar", "may not contain '%'")],
    ],
    [
      "other invalid name",
      { metadata: { namespace: "foo", name: "foo bar" }, spec: validSpec },
      [invalid("metadata.name", "foo bar", STREAM_NAME_MSG)],
    ],
    ["missing namespace", { metadata: { name: "foo" }, spec: validSpec }, [required("metadata.namespace")]],
    [
      "invalid namespace",
      { metadata: { namespace: "!$", name: "foo" }, spec: validSpec },
      [invalid("metadata.namespace", "!$", DNS_LABEL_MSG)],
    ],
    [
      "invalid dockerImageRepository",
      { metadata: validMeta, spec: repo("a-|///bbb") },
      [invalid("spec.repository.from.name", "a-|///bbb", "invalid reference format")],
    ],
    [
      "invalid dockerImageRepository with tag",
      { metadata: validMeta, spec: repo("a/b:tag") },
      [
        invalid(
          "spec.repository.from.name",
          "a/b:tag",
          "you must specify an image repository, not a tag or ID",
        ),
      ],
    ],
    [
      "invalid dockerImageRepository with ID",
      { metadata: validMeta, spec: repo("a/b@sha256:something") },
      [invalid("spec.repository.from.name", "a/b@sha256:something", "invalid reference format")],
    ],
    [
      "only DockerImage tags can be scheduled",
      {
        metadata: validMeta,
        spec: {
          images: [
            { from: dockerFrom("abc"), importPolicy: { scheduled: true } },
            { from: dockerFrom("abc@badid"), importPolicy: { scheduled: true } },
            { from: { kind: "ImageStreamTag", name: "other:latest" }, importPolicy: { scheduled: true } },
            { from: { kind: "ImageStreamImage", name: "other@latest" }, importPolicy: { scheduled: true } },
          ],
        },
      },
      [
        invalid("spec.images[1].from.name", "abc@badid", "invalid reference format"),
        invalid("spec.images[2].from.kind", "ImageStreamTag", "only DockerImage is supported"),
        invalid("spec.images[3].from.kind", "ImageStreamImage", "only DockerImage is supported"),
      ],
    ],
    // The remaining upstream entries have no ImageStreamImport (the loop skips them); the name
    // components they carry are checked here on an otherwise valid import.
    ["shortest name components", { metadata: { namespace: "f", name: "g" }, spec: validSpec }, []],
    [
      "all possible characters used",
      { metadata: { namespace: ALL_CHARS_NS, name: ALL_CHARS_NAME }, spec: validSpec },
      [],
    ],
    [
      "max name and namespace length met",
      { metadata: { namespace: NS63, name: NAME191 }, spec: validSpec },
      [],
    ],
    [
      "invalid image importMode",
      {
        metadata: validMeta,
        spec: { images: [{ from: dockerFrom("abc"), importPolicy: { importMode: "Invalid" } }] },
      },
      [invalid("spec.images[0].importPolicy.importMode", "Invalid", IMPORT_MODE)],
    ],
    [
      "invalid repository importMode",
      {
        metadata: validMeta,
        spec: { repository: { from: dockerFrom("abc"), importPolicy: { importMode: "Invalid" } } },
      },
      [invalid("spec.repository.importPolicy.importMode", "Invalid", IMPORT_MODE)],
    ],
  ];
  it.each(cases)("TestValidateImageStreamImport %s", (_name, isi, expected) => {
    expect(validateImageStreamImport(deepFreeze(isi))).toEqual(expected);
  });
});

describe("R4.6.1 / R1.9.7 error order of upstream validation.go (no test table; found while transcribing)", () => {
  it("R4.6.1 per entry: kind/name checks first, then the import mode; a `*` entry is not checked further", () => {
    const bad = { importMode: "Bad" };
    const errs = validateImageStreamImport(
      deepFreeze({
        metadata: { namespace: "foo", name: "foo" },
        spec: {
          images: [
            { from: { kind: "ImageStreamTag", name: "x:y" }, importPolicy: bad },
            { from: dockerFrom("*"), importPolicy: bad },
            { from: dockerFrom(""), importPolicy: bad },
          ],
          repository: { from: { kind: "Other", name: "" }, importPolicy: bad },
        },
      }),
    );
    expect(errs.map((e) => e.field)).toEqual([
      "spec.images[0].from.kind",
      "spec.images[0].importPolicy.importMode",
      "spec.images[2].from.name",
      "spec.images[2].importPolicy.importMode",
      "spec.repository.from.kind",
      "spec.repository.importPolicy.importMode",
    ]);
  });

  it("R1.9.7 sub-manifest errors come before the dockerImageLayers rule", () => {
    const errs = validateImage(
      deepFreeze({
        metadata: { name: "foo" },
        dockerImageReference: "openshift/ruby-19-centos",
        dockerImageLayers: [{ name: DIGEST, size: 1 }],
        dockerImageManifests: [{ digest: "abc", mediaType: "foo/bar", architecture: "a", os: "b" }],
      }),
    );
    expect(errs.map((e) => e.field)).toEqual(["dockerImageManifests[0].digest", "dockerImageLayers"]);
  });
});
