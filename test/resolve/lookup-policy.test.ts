/**
 * The ImagePolicy plugin beyond its defaults: StatefulSet updates, controller-owned objects and the
 * configurable policy (openshift/apiserver-library-go pkg/admission/imagepolicy: `imagepolicy.go`
 * `ImagePolicyPlugin.admit`, `resolutionConfig.RewriteImagePullSpec`, `skipImageRewriteOnUpdate`;
 * `accept.go` `accept`; `helpers.go`; `apis/imagepolicy/v1/defaults.go` `SetDefaults_ImagePolicyConfig`;
 * `apis/imagepolicy/validation/validation.go` `Validate`).
 */
import { describe, expect, it } from "vitest";
import { InvalidError, isInvalid } from "../../src/errors.js";
import type { Image, ImageStream } from "../../src/model/index.js";
import {
  type ImagePolicyConfig,
  type ImageResolutionType,
  type LookupOptions,
  resolveImageReference,
} from "../../src/resolve/lookup.js";
import { deepFreeze } from "../support/freeze.js";

const HOST = "image-registry.openshift-image-registry.svc:5000";
const DA = `sha256:${"a".repeat(64)}`;
const DB = `sha256:${"b".repeat(64)}`;
const T = "2024-01-01T00:00:00Z";

function stream(name: string, local: boolean, image: string) {
  return deepFreeze({
    metadata: { name, namespace: "myapp" },
    spec: {
      lookupPolicy: { local },
      tags: [{ name: "latest", from: { kind: "DockerImage", name: `${name}:latest` }, generation: 1 }],
    },
    status: {
      dockerImageRepository: `${HOST}/myapp/${name}`,
      tags: [
        {
          tag: "latest",
          items: [
            { created: T, dockerImageReference: `docker.io/library/${name}@${image}`, image, generation: 1 },
          ],
        },
      ],
    },
  }) as unknown as ImageStream;
}

const streams: Record<string, ImageStream> = {
  mysql: stream("mysql", true, DA),
  ruby: stream("ruby", false, DB),
};
const images: Record<string, Image> = {
  [DA]: { metadata: { name: DA }, dockerImageReference: `docker.io/library/mysql@${DA}` } as Image,
  [DB]: { metadata: { name: DB }, dockerImageReference: `docker.io/library/ruby@${DB}` } as Image,
};
const base: LookupOptions = {
  namespace: "myapp",
  internalRegistryHostname: HOST,
  getImageStream: (ns, name) => (ns === "myapp" ? streams[name] : undefined),
  getImage: (name) => images[name],
};
const MYSQL = `docker.io/library/mysql@${DA}`;
const RUBY = `docker.io/library/ruby@${DB}`;

describe("skipImageRewriteOnUpdate: StatefulSet updates are rewritten (R14.4)", () => {
  it.each(["statefulsets.apps", "apps/statefulsets", { group: "apps", resource: "statefulsets" }])(
    "R14.4 update of %o rewrites a short name like a create",
    (resource) => {
      const update = resolveImageReference("mysql", { ...base, resource, operation: "update" });
      expect(update).toEqual(resolveImageReference("mysql", { ...base, resource, operation: "create" }));
      expect(update).toMatchObject({ kind: "rewrite", image: MYSQL });
    },
  );
  it.each(["jobs.batch", "builds.build.openshift.io"])(
    "R14.4 update of %s still keeps the string",
    (resource) => {
      expect(resolveImageReference("mysql", { ...base, resource, operation: "UPDATE" })).toEqual({
        kind: "unchanged",
        image: "mysql",
        reason: "updateNotRewritten",
      });
    },
  );
});

describe("ImagePolicyPlugin.admit: objects owned by a controller are skipped (R14.4)", () => {
  it("R14.4 an owner reference with controller: true leaves every image alone", () => {
    const owned = {
      ...base,
      ownerReferences: [
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-1", uid: "u1", controller: false },
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-2", uid: "u2", controller: true },
      ],
    };
    expect(resolveImageReference("mysql", owned)).toEqual({
      kind: "unchanged",
      image: "mysql",
      reason: "controllerOwned",
    });
    // not even a Required policy rejects it: admission returns before resolving
    expect(
      resolveImageReference("docker.io/nosuch", { ...owned, policy: { resolveImages: "RequiredRewrite" } }),
    ).toMatchObject({
      kind: "unchanged",
      reason: "controllerOwned",
    });
  });
  it.each([
    ["no owner references", undefined],
    ["null", null],
    [
      "owners that are not controllers",
      [{ kind: "Deployment", name: "d" }, { kind: "X", controller: false }, { controller: null }],
    ],
  ])("R14.4 %s: the object is admitted and rewritten", (_name, ownerReferences) => {
    expect(resolveImageReference("mysql", { ...base, ownerReferences } as LookupOptions)).toMatchObject({
      kind: "rewrite",
      image: MYSQL,
    });
  });
  it("R14.4 an uncovered resource is reported as such before its owners are looked at", () => {
    expect(
      resolveImageReference("mysql", {
        ...base,
        resource: "services",
        ownerReferences: [{ controller: true }],
      }),
    ).toMatchObject({ reason: "resourceNotCovered" });
  });
});

describe("ImagePolicyConfig: resolveImages and resolutionRules (R14.1, R14.2, R14.4)", () => {
  const policy = (resolveImages: ImageResolutionType, more: Partial<ImagePolicyConfig> = {}) => ({
    ...base,
    policy: { resolveImages, ...more },
  });

  it("R14.1 no policy, {} and { resolveImages: Attempt } are the built-in defaults", () => {
    for (const image of [
      "mysql",
      "ruby",
      "docker.io/x",
      `mysql@${DA}`,
      `${HOST}/myapp/mysql:latest`,
      "Bad Ref",
    ]) {
      const want = resolveImageReference(image, base);
      expect(resolveImageReference(image, { ...base, policy: {} })).toEqual(want);
      expect(resolveImageReference(image, policy("Attempt"))).toEqual(want);
    }
  });

  // accept: a resolution error rejects under FailOnResolutionFailure (Required, RequiredRewrite)
  const failures: ReadonlyArray<readonly [string, string, string]> = [
    [
      "docker.io/library/mysql",
      "notLocalName",
      "(docker.io/library/mysql) could not be resolved to an exact image reference",
    ],
    ["nosuch", "notFound", 'imagestreams.image.openshift.io "nosuch" not found'],
    [
      "ruby",
      "lookupNotAllowed",
      "ImageStreamTag does not allow local references and the resource did not request image stream resolution",
    ],
    [
      `busybox@${"sha256:".padEnd(71, "c")}`,
      "digest",
      `images.image.openshift.io "${"sha256:".padEnd(71, "c")}" not found`,
    ],
  ];
  it.each(failures)(
    "R14.2 RequiredRewrite: %s cannot be resolved, so admission rejects it (%s)",
    (image, reason, why) => {
      expect(resolveImageReference(image, policy("RequiredRewrite"))).toEqual({
        kind: "rejected",
        image,
        reason,
        message: `this image is prohibited by policy: ${why}`,
      });
    },
  );
  it.each(failures)("R14.2 Required rejects %s too; Attempt and AttemptRewrite keep it", (image, reason) => {
    expect(resolveImageReference(image, policy("Required"))).toMatchObject({ kind: "rejected", reason });
    for (const p of ["Attempt", "AttemptRewrite", "DoNotAttempt"] as const)
      expect(resolveImageReference(image, policy(p))).toMatchObject({ kind: "unchanged", reason });
  });
  it("R14.2 a string that does not parse is rejected under Required with the parser's message", () => {
    const r = resolveImageReference("Not A Ref", policy("Required"));
    expect(r.kind).toBe("rejected");
    expect(r.kind === "rejected" && r.message.startsWith("this image is prohibited by policy: ")).toBe(true);
  });

  it("R14.4 Required resolves but does not rewrite beyond the localNames rules", () => {
    expect(resolveImageReference("mysql", policy("Required"))).toMatchObject({
      kind: "rewrite",
      image: MYSQL,
    });
    expect(resolveImageReference(`mysql@${DA}`, policy("Required"))).toEqual({
      kind: "unchanged",
      image: `mysql@${DA}`,
      reason: "digest",
    });
  });

  it("R14.4 a rule's rewriting policy rewrites full references too (resolved by digest)", () => {
    const rules = [{ targetResource: { resource: "pods" }, policy: "AttemptRewrite" as const }];
    expect(
      resolveImageReference(`${HOST}/myapp/ruby:latest`, policy("Attempt", { resolutionRules: rules })),
    ).toEqual({
      kind: "rewrite",
      image: RUBY,
      original: `${HOST}/myapp/ruby:latest`,
      imageStreamTag: "myapp/ruby:latest",
      fallback: false,
    });
    // under the default rules (DoNotAttempt) the same full reference is kept
    expect(resolveImageReference(`${HOST}/myapp/ruby:latest`, base)).toMatchObject({
      reason: "fullReference",
    });
  });

  it("R14.4 without localNames and without a rewriting policy a resolved short name is kept", () => {
    const rules = [{ targetResource: { resource: "pods" }, policy: "Attempt" as const, localNames: false }];
    expect(resolveImageReference("mysql", policy("Attempt", { resolutionRules: rules }))).toEqual({
      kind: "unchanged",
      image: "mysql",
      reason: "notRewrittenByPolicy",
    });
  });

  it("R14.4 a rule without a policy takes resolveImages (SetDefaults_ImagePolicyConfig)", () => {
    const rules = [{ targetResource: { group: "apps", resource: "deployments" } }];
    expect(
      resolveImageReference(`${HOST}/myapp/ruby:latest`, {
        ...policy("AttemptRewrite", { resolutionRules: rules }),
        resource: "deployments.apps",
      }),
    ).toMatchObject({ kind: "rewrite", image: RUBY });
  });

  it("R14.1 explicit rules replace the built-in ones; `*` covers every resource of its group", () => {
    const rules = [{ targetResource: { group: "apps", resource: "*" }, localNames: true }];
    for (const resource of ["deployments.apps", "statefulsets.apps", "anything.apps"])
      expect(
        resolveImageReference("mysql", { ...policy("Attempt", { resolutionRules: rules }), resource }),
      ).toMatchObject({
        kind: "rewrite",
      });
    for (const resource of ["pods", "jobs.batch", "deployments.extensions"])
      expect(
        resolveImageReference("mysql", { ...policy("Attempt", { resolutionRules: rules }), resource }),
      ).toMatchObject({
        reason: "resourceNotCovered",
      });
    // an empty list covers nothing
    expect(resolveImageReference("mysql", policy("RequiredRewrite", { resolutionRules: [] }))).toMatchObject({
      reason: "resourceNotCovered",
    });
  });

  it("R14.4 under RequiredRewrite an update of a job that cannot be resolved is still rejected", () => {
    // resolution (and its failure) comes before the no-rewrite-on-update rule
    expect(
      resolveImageReference("docker.io/x", {
        ...policy("RequiredRewrite"),
        resource: "jobs.batch",
        operation: "update",
      }),
    ).toMatchObject({ kind: "rejected", reason: "notLocalName" });
  });

  it("Validate: unknown policy values and rules without a resource are Invalid", () => {
    const bad: ImagePolicyConfig[] = [
      { resolveImages: "Always" as ImageResolutionType },
      { resolutionRules: [{ targetResource: { resource: "" } }] },
      { resolutionRules: [{ targetResource: { resource: "pods" }, policy: "Never" as ImageResolutionType }] },
      { resolutionRules: "pods" as never },
    ];
    for (const config of bad) {
      let caught: unknown;
      try {
        resolveImageReference("mysql", { ...base, policy: config });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(InvalidError);
      expect(isInvalid(caught)).toBe(true);
    }
    expect(() =>
      resolveImageReference("mysql", {
        ...base,
        policy: { resolutionRules: [{ targetResource: { resource: "" } }] },
      }),
    ).toThrow(
      "image.openshift.io/ImagePolicy.resolutionRules[0].targetResource.resource: Required value: a target resource name or '*' must be provided",
    );
  });
});

describe("apiserver-library-go TestResolutionConfig rows, through resolveImageReference (R14.1, R14.4)", () => {
  // attrs.LocalRewrite true: a short name resolved through a stream with lookup ("mysql");
  // false: a full reference into the integrated registry, resolved without LocalRewrite.
  const LOCAL = "mysql";
  const FULL = `${HOST}/myapp/mysql:latest`;
  const rows: ReadonlyArray<{
    name: string;
    rule: { group?: string; resource: string };
    resource: string;
    localRewrite: boolean;
    update?: boolean;
    /** RequestsResolution: false means the plugin does not cover the resource. */
    resolve: boolean;
    rewrite: boolean;
  }> = [
    {
      name: "requires local rewrite for local names",
      rule: { resource: "*" },
      resource: "pods",
      localRewrite: false,
      resolve: true,
      rewrite: false,
    },
    {
      name: "wildcard resource matches",
      rule: { resource: "*" },
      resource: "pods",
      localRewrite: true,
      resolve: true,
      rewrite: true,
    },
    {
      name: "group mismatch fails",
      rule: { group: "test", resource: "*" },
      resource: "self.other",
      localRewrite: true,
      resolve: false,
      rewrite: false,
    },
    {
      name: "resource mismatch fails",
      rule: { group: "test", resource: "self" },
      resource: "other.test",
      localRewrite: true,
      resolve: false,
      rewrite: false,
    },
    {
      name: "resource match succeeds",
      rule: { group: "test", resource: "self" },
      resource: "self.test",
      localRewrite: true,
      resolve: true,
      rewrite: true,
    },
    {
      name: "resource match skips on job update",
      rule: { group: "batch", resource: "jobs" },
      resource: "jobs.batch",
      localRewrite: true,
      update: true,
      resolve: true,
      rewrite: false,
    },
    {
      name: "resource match succeeds on job create",
      rule: { group: "batch", resource: "jobs" },
      resource: "jobs.batch",
      localRewrite: true,
      resolve: true,
      rewrite: true,
    },
    {
      name: "resource match skips on build update",
      rule: { group: "build.openshift.io", resource: "builds" },
      resource: "builds.build.openshift.io",
      localRewrite: true,
      update: true,
      resolve: true,
      rewrite: false,
    },
    // removed upstream with the statefulset entry of skipImageRewriteOnUpdate: now rewritten
    {
      name: "statefulset update (row removed upstream in 2021)",
      rule: { group: "apps", resource: "statefulsets" },
      resource: "statefulsets.apps",
      localRewrite: true,
      update: true,
      resolve: true,
      rewrite: true,
    },
  ];
  it.each(rows)(
    "TestResolutionConfig: $name",
    ({ rule, resource, localRewrite, update, resolve, rewrite }) => {
      const r = resolveImageReference(localRewrite ? LOCAL : FULL, {
        ...base,
        resource,
        operation: update === true ? "update" : "create",
        policy: {
          resolveImages: "DoNotAttempt",
          resolutionRules: [{ localNames: true, targetResource: rule }],
        },
      });
      if (!resolve) expect(r).toMatchObject({ kind: "unchanged", reason: "resourceNotCovered" });
      else if (rewrite) expect(r).toMatchObject({ kind: "rewrite", image: MYSQL });
      else expect(r.kind).toBe("unchanged");
    },
  );
});
