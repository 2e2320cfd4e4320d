import { describe, expect, it } from "vitest";
import {
  AlreadyExistsError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  forbiddenField,
  formatFieldError,
  ImageReferenceError,
  ImageStreamError,
  InvalidError,
  internalField,
  invalidField,
  NotFoundError,
  notFoundField,
  notSupportedField,
  requiredField,
} from "../src/errors.js";

describe("errors: Kubernetes status errors", () => {
  it("InvalidError formats a single field error like NewInvalid", () => {
    const err = new InvalidError({
      kind: "ImageStream",
      name: "ruby",
      fieldErrors: [requiredField("spec.tags[latest].from.name")],
    });
    expect(err).toBeInstanceOf(ImageStreamError);
    expect(err.reason).toBe("Invalid");
    expect(err.code).toBe(422);
    expect(err.message).toBe(
      'ImageStream.image.openshift.io "ruby" is invalid: spec.tags[latest].from.name: Required value',
    );
    const status = err.toStatus();
    expect(status).toMatchObject({
      kind: "Status",
      status: "Failure",
      reason: "Invalid",
      code: 422,
      details: {
        name: "ruby",
        group: "image.openshift.io",
        kind: "ImageStream",
        causes: [
          { reason: "FieldValueRequired", message: "Required value", field: "spec.tags[latest].from.name" },
        ],
      },
    });
  });

  it("InvalidError joins several field errors in brackets", () => {
    const err = new InvalidError({
      kind: "ImageStreamMapping",
      name: "",
      fieldErrors: [
        requiredField("metadata.name"),
        invalidField("image.dockerImageReference", "Foo", "repository name must be lowercase"),
      ],
    });
    expect(err.message).toBe(
      'ImageStreamMapping.image.openshift.io "" is invalid: [metadata.name: Required value, image.dockerImageReference: Invalid value: "Foo": repository name must be lowercase]',
    );
    expect(err.fieldErrors).toHaveLength(2);
  });

  it("field errors format values and details like field.Error", () => {
    expect(formatFieldError(notSupportedField("a.b", "X", ["Source", "Local"]))).toBe(
      'a.b: Unsupported value: "X": supported values: "Source", "Local"',
    );
    expect(formatFieldError(forbiddenField("spec.tags[a].from", "denied"))).toBe(
      "spec.tags[a].from: Forbidden: denied",
    );
    expect(formatFieldError(notFoundField("spec.tags[a].from.name", "other"))).toBe(
      'spec.tags[a].from.name: Not found: "other"',
    );
    expect(formatFieldError(internalField("", "boom"))).toBe(": Internal error: boom");
    expect(formatFieldError(invalidField("x", 3, "bad"))).toBe("x: Invalid value: 3: bad");
    expect(formatFieldError(invalidField("x", null, "bad"))).toBe("x: Invalid value: null: bad");
    expect(formatFieldError(invalidField("x", { a: 1 }, "bad"))).toBe('x: Invalid value: {"a":1}: bad');
  });

  it("NotFound, AlreadyExists, Conflict, BadRequest and Forbidden carry reason, code and message", () => {
    const nf = new NotFoundError({ resource: "imagestreamtags", name: "ruby:latest" });
    expect([nf.reason, nf.code, nf.message]).toEqual([
      "NotFound",
      404,
      'imagestreamtags.image.openshift.io "ruby:latest" not found',
    ]);
    expect(new NotFoundError({ group: "", resource: "namespaces", name: "x" }).message).toBe(
      'namespaces "x" not found',
    );
    const ae = new AlreadyExistsError({ resource: "imagestreamtags", name: "a:b" });
    expect([ae.reason, ae.code]).toEqual(["AlreadyExists", 409]);
    const c = new ConflictError(
      { resource: "imagestreamimages", name: "abc" },
      'multiple images match the prefix "abc": a, b',
    );
    expect(c.message).toBe(
      'Operation cannot be fulfilled on imagestreamimages.image.openshift.io "abc": multiple images match the prefix "abc": a, b',
    );
    expect(c.detail).toBe('multiple images match the prefix "abc": a, b');
    const br = new BadRequestError("ImageStreamTags must be retrieved with <name>:<tag>");
    expect(br.toStatus()).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: "ImageStreamTags must be retrieved with <name>:<tag>",
      reason: "BadRequest",
      code: 400,
    });
    const fb = new ForbiddenError("no access", { resource: "imagestreams", name: "x" });
    expect(fb.message).toBe('imagestreams.image.openshift.io "x" is forbidden: no access');
    expect(new ForbiddenError("plain").message).toBe("plain");
  });

  it("ImageReferenceError has a stable kind, the input and an offset", () => {
    const e = new ImageReferenceError("NameContainsUppercase", "repository name must be lowercase", "Foo", 0);
    expect(e).toBeInstanceOf(ImageStreamError);
    expect(e.name).toBe("ImageReferenceError");
    expect([e.kind, e.input, e.offset, e.reason, e.code]).toEqual([
      "NameContainsUppercase",
      "Foo",
      0,
      "BadRequest",
      400,
    ]);
  });
});

describe("error helpers on odd arguments: never a TypeError", () => {
  it("formatFieldError (field.Error.Error) with an object type prints Go's unknown-type form, not TypeError", () => {
    const e = {
      type: ["FieldValueInvalid", Object.create(null)],
      field: "spec.tags[x].from.name",
      value: "x",
      detail: "bad",
    };
    expect(formatFieldError(e as never)).toBe(
      'spec.tags[x].from.name: <unknown error "[object Array]">: "x": bad',
    );
    expect(formatFieldError({ type: "toString", field: 1, value: 1n, detail: 2 } as never)).toBe(
      '1: <unknown error "toString">: 1',
    );
    expect(formatFieldError(null as never)).toBe(': <unknown error "undefined">: null');
    expect(
      formatFieldError({ type: "FieldValueInvalid", field: "f", value: { a: 1n }, detail: "" } as never),
    ).toBe("f: Invalid value: [object Object]");
  });

  it("notSupportedField(f, v, non-array) treats the supported values as none, not TypeError", () => {
    expect(notSupportedField("f", "v", {} as never).detail).toBe("");
    expect(notSupportedField("f", "v", ["a", 1n] as never).detail).toBe('supported values: "a", 1');
  });

  it("InvalidError (NewInvalid) with non-array fieldErrors has no field errors, not TypeError", () => {
    const err = new InvalidError({ kind: "ImageStream", name: "x", fieldErrors: "abc" as never });
    expect(err).toBeInstanceOf(InvalidError);
    expect(err.fieldErrors).toEqual([]);
    const odd = new InvalidError({ kind: Object.create(null), name: 5, fieldErrors: [null] } as never);
    expect(odd.message).toBe(
      '[object Object].image.openshift.io "5" is invalid: : <unknown error "undefined">: null',
    );
    expect(new InvalidError(null as never).message).toBe(
      'undefined.image.openshift.io "undefined" is invalid: []',
    );
    expect(new BadRequestError("m").fieldErrors).toEqual([]);
  });
});
