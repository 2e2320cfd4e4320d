import { describe, expect, it } from "vitest";
import { validateImageSignature } from "../../src/validation/image-signature.js";
import { validateImage } from "../../src/validation/index.js";
import { DIGEST_A } from "./helpers.js";

const UNSET = "must be unset for unknown signature state";
const sig = (extra: Record<string, unknown> = {}) => ({
  metadata: { name: "imgname@valid" },
  type: "valid",
  content: "YmxvYg==",
  ...extra,
});

describe("image signatures (R1.9.8, upstream validateImageSignature)", () => {
  it("R1.9.8 valid signatures: plain, trusted, untrusted (latest condition wins)", () => {
    expect(validateImageSignature(sig(), "")).toEqual([]);
    expect(
      validateImageSignature(
        sig({
          conditions: [
            { type: "Trusted", status: "True" },
            { type: "ForImage", status: "True" },
          ],
          imageIdentity: "registry.company.ltd/app/core:v1.2",
        }),
        "",
      ),
    ).toEqual([]);
    expect(
      validateImageSignature(
        sig({
          conditions: [
            { type: "Trusted", status: "True" },
            { type: "ForImage", status: "False" },
            { type: "Trusted", status: "False" },
          ],
          imageIdentity: "registry.company.ltd/app/core:v1.2",
        }),
        "",
      ),
    ).toEqual([]);
  });

  it("R1.9.8 invalid name and missing type / content", () => {
    expect(validateImageSignature({ metadata: { name: "notype" }, content: "YmxvYg==" }, "")).toEqual([
      {
        type: "FieldValueInvalid",
        field: "metadata.name",
        value: "notype",
        detail: "name must be of format <imageName>@<signatureName>",
      },
      { type: "FieldValueRequired", field: "type", value: "", detail: "" },
    ]);
    expect(validateImageSignature({ metadata: { name: "img@nocontent" }, type: "invalid" }, "")).toEqual([
      { type: "FieldValueRequired", field: "content", value: "", detail: "" },
    ]);
    expect(validateImageSignature(sig({ metadata: { name: "a@b@c" } }), "")[0]?.field).toBe("metadata.name");
    expect(validateImageSignature(sig({ metadata: { name: "@b" } }), "")[0]?.field).toBe("metadata.name");
  });

  it("R1.9.8 a Trusted condition needs a ForImage condition and vice versa", () => {
    const conditions = [{ type: "Trusted", status: "True" }];
    expect(validateImageSignature(sig({ conditions, imageIdentity: "x" }), "")).toEqual([
      {
        type: "FieldValueInvalid",
        field: "conditions",
        value: conditions,
        detail: 'missing "ForImage" condition type',
      },
    ]);
    const onlyForImage = [{ type: "ForImage", status: "True" }];
    expect(validateImageSignature(sig({ conditions: onlyForImage }), "")).toEqual([
      {
        type: "FieldValueInvalid",
        field: "conditions",
        value: onlyForImage,
        detail: 'missing "Trusted" condition type',
      },
    ]);
  });

  it("R1.9.8 the newest condition of each type is taken (by lastProbeTime)", () => {
    const conditions = [
      { type: "Trusted", status: "True", lastProbeTime: "2020-01-02T00:00:00Z" },
      { type: "ForImage", status: "True", lastProbeTime: "2020-01-02T00:00:00Z" },
      { type: "Trusted", status: "Unknown", lastProbeTime: "2020-01-01T00:00:00Z" },
    ];
    // the older Unknown is ignored for Trusted, but (upstream precedence quirk) replaces nothing for ForImage either
    expect(validateImageSignature(sig({ conditions, imageIdentity: "x" }), "")).toEqual([]);
    const newerUnknown = [
      ...conditions.slice(0, 2),
      { type: "Trusted", status: "Unknown", lastProbeTime: "2020-01-03T00:00:00Z" },
    ];
    expect(
      validateImageSignature(sig({ conditions: newerUnknown, imageIdentity: "x" }), "").map((e) => e.field),
    ).toEqual(["imageIdentity"]);
    // odd conditions are skipped rather than crashing
    expect(validateImageSignature(sig({ conditions: [null, { type: "Other" }] }), "")).toEqual([]);
  });

  it("R1.9.8 identity and claims must be unset while the trust state is unknown", () => {
    const errs = validateImageSignature(
      sig({
        conditions: [
          { type: "Trusted", status: "Unknown" },
          { type: "ForImage", status: "Unknown" },
        ],
        imageIdentity: "registry.company.ltd/app/core:v1.2",
        signedClaims: { claim: "value" },
        issuedBy: { organization: "org" },
        issuedTo: { publicKeyID: "id" },
      }),
      "",
    );
    expect(errs.map((e) => [e.field, e.value, e.detail])).toEqual([
      ["imageIdentity", "registry.company.ltd/app/core:v1.2", UNSET],
      ["signedClaims", { claim: "value" }, UNSET],
      ["issuedBy", { organization: "org" }, UNSET],
      ["issuedTo", { publicKeyID: "id" }, UNSET],
    ]);
    expect(validateImageSignature(sig({ signedClaims: {}, imageIdentity: "" }), "")).toEqual([]);
  });

  it("R1.9.8 labels and annotations cannot be set; signatures are cluster-scoped", () => {
    expect(
      validateImageSignature(
        sig({
          metadata: { name: "img@annotated", annotations: { key: "value" }, labels: { label: "value" } },
        }),
        "",
      ),
    ).toEqual([
      {
        type: "FieldValueForbidden",
        field: "metadata.labels",
        value: "",
        detail: "signature labels cannot be set",
      },
      {
        type: "FieldValueForbidden",
        field: "metadata.annotations",
        value: "",
        detail: "signature annotations cannot be set",
      },
    ]);
  });

  it("R1.9.8 validateImage checks each signature under signatures[i]", () => {
    const image = {
      metadata: { name: DIGEST_A },
      dockerImageReference: "a/b",
      signatures: [sig(), { metadata: { name: "x@y" } }],
    };
    expect(validateImage(image, "image").map((e) => e.field)).toEqual([
      "image.signatures[1].type",
      "image.signatures[1].content",
    ]);
  });
});
