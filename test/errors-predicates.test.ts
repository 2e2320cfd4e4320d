/**
 * Error predicates by reason (modelled on kubernetes/apimachinery pkg/api/errors/errors.go,
 * IsNotFound and siblings, ReasonForError) and `instanceof` across copies of the package.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fc, test } from "@fast-check/vitest";
import { ApiException } from "@kubernetes/client-node";
import { buildSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as errors from "../src/errors.js";
import {
  AlreadyExistsError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  ImageReferenceError,
  ImageStreamError,
  InvalidError,
  isAlreadyExists,
  isBadRequest,
  isConflict,
  isForbidden,
  isImageStreamError,
  isInvalid,
  isNotFound,
  NotFoundError,
  reasonForError,
  requiredField,
} from "../src/errors.js";

type Errors = typeof errors;

const PREDICATES = {
  isNotFound,
  isAlreadyExists,
  isConflict,
  isInvalid,
  isBadRequest,
  isForbidden,
} as const;
type Predicate = keyof typeof PREDICATES;

/** The predicates that answer true for `err`. */
function answers(err: unknown): Predicate[] {
  return (Object.keys(PREDICATES) as Predicate[]).filter((p) => PREDICATES[p](err));
}

const ref = { resource: "imagestreams", name: "ruby" } as const;
const status = (reason: string | undefined, code: number | undefined) => ({
  kind: "Status",
  apiVersion: "v1",
  metadata: {},
  status: "Failure",
  message: "m",
  ...(reason === undefined ? {} : { reason }),
  ...(code === undefined ? {} : { code }),
});

function chain(depth: number, last: unknown): unknown {
  let e = last;
  for (let i = 0; i < depth; i++) e = new Error(`wrap ${i}`, { cause: e });
  return e;
}

const cyclic = new Error("a");
(cyclic as { cause?: unknown }).cause = new Error("b", { cause: cyclic });

const rows: ReadonlyArray<{ name: string; err: unknown; want: Predicate[] }> = [
  { name: "NotFoundError", err: new NotFoundError(ref), want: ["isNotFound"] },
  {
    name: "AlreadyExistsError (409, but not a conflict)",
    err: new AlreadyExistsError(ref),
    want: ["isAlreadyExists"],
  },
  {
    name: "ConflictError",
    err: new ConflictError(ref, "the object has been modified"),
    want: ["isConflict"],
  },
  {
    name: "InvalidError",
    err: new InvalidError({
      kind: "ImageStream",
      name: "ruby",
      fieldErrors: [requiredField("metadata.name")],
    }),
    want: ["isInvalid"],
  },
  { name: "BadRequestError", err: new BadRequestError("bad"), want: ["isBadRequest"] },
  {
    name: "ImageReferenceError (BadRequest)",
    err: new ImageReferenceError("NameContainsUppercase", "repository name must be lowercase", "Foo", 0),
    want: ["isBadRequest"],
  },
  { name: "ForbiddenError", err: new ForbiddenError("denied", ref), want: ["isForbidden"] },
  { name: "NotFoundError.toStatus()", err: new NotFoundError(ref).toStatus(), want: ["isNotFound"] },
  {
    name: "AlreadyExistsError.toStatus()",
    err: new AlreadyExistsError(ref).toStatus(),
    want: ["isAlreadyExists"],
  },
  { name: "Status NotFound 404", err: status("NotFound", 404), want: ["isNotFound"] },
  {
    name: "Status with the unknown reason and 404: the code decides",
    err: status("", 404),
    want: ["isNotFound"],
  },
  { name: "Status without reason, 422", err: status(undefined, 422), want: ["isInvalid"] },
  {
    name: "Status with a reason Kubernetes does not define and 409",
    err: status("Brand-new", 409),
    want: ["isConflict"],
  },
  {
    name: "Status unknown reason 409: never AlreadyExists by code",
    err: status("", 409),
    want: ["isConflict"],
  },
  { name: "Status unknown reason 400", err: status("", 400), want: ["isBadRequest"] },
  { name: "Status unknown reason 403", err: status("", 403), want: ["isForbidden"] },
  { name: "Status Gone 404: a known reason, the code is ignored", err: status("Gone", 404), want: [] },
  {
    name: "Status Conflict with an odd code: the reason decides",
    err: status("Conflict", 500),
    want: ["isConflict"],
  },
  { name: "Status Success", err: { kind: "Status", status: "Success", code: 200 }, want: [] },
  {
    name: "a plain object with reason and code is not a Status",
    err: { reason: "NotFound", code: 404 },
    want: [],
  },
  { name: "wrapped once in cause", err: chain(1, new NotFoundError(ref)), want: ["isNotFound"] },
  { name: "a Status wrapped 15 links deep", err: chain(15, status("Invalid", 422)), want: ["isInvalid"] },
  { name: "16 links deep: beyond the bound", err: chain(16, new NotFoundError(ref)), want: [] },
  { name: "a cyclic cause chain ends", err: cyclic, want: [] },
  {
    name: "client-node ApiException with a Status JSON body",
    err: new ApiException(404, "not found", JSON.stringify(status("NotFound", 404)), {}),
    want: ["isNotFound"],
  },
  {
    name: "client-node ApiException with a Status object body: the body's reason wins",
    err: new ApiException(409, "exists", status("AlreadyExists", 409), {}),
    want: ["isAlreadyExists"],
  },
  {
    name: "client-node ApiException, Status body without code: the HTTP code counts",
    err: new ApiException(403, "denied", JSON.stringify(status("", undefined)), {}),
    want: ["isForbidden"],
  },
  {
    name: "client-node ApiException with an HTML body: unknown reason, the code decides",
    err: new ApiException(409, "proxy", "<html>conflict</html>", {}),
    want: ["isConflict"],
  },
  {
    name: "client-node ApiException wrapped in cause",
    err: new Error("reconcile", {
      cause: new ApiException(422, "x", JSON.stringify(status("Invalid", 422)), {}),
    }),
    want: ["isInvalid"],
  },
  { name: "a plain Error", err: new Error("NotFound"), want: [] },
  { name: "undefined", err: undefined, want: [] },
  { name: "null", err: null, want: [] },
  { name: "a string", err: "NotFound", want: [] },
  { name: "a number", err: 404, want: [] },
];

describe("IsNotFound, IsAlreadyExists, IsConflict, IsInvalid, IsBadRequest, IsForbidden (apimachinery)", () => {
  it.each(rows)("$name", ({ err, want }) => {
    expect(answers(err)).toEqual(want);
  });
});

describe("reasonForError (apimachinery ReasonForError, with the code)", () => {
  it.each([
    {
      name: "an error of this package",
      err: new ConflictError(ref, "x"),
      want: { reason: "Conflict", code: 409 },
    },
    { name: "a Status without reason or code", err: { kind: "Status" }, want: { reason: "", code: 0 } },
    {
      name: "an ApiException with no body",
      err: new ApiException(500, "x", undefined, {}),
      want: { reason: "", code: 500 },
    },
    {
      name: "the first link that has one",
      err: chain(2, chain(1, new BadRequestError("x"))),
      want: { reason: "BadRequest", code: 400 },
    },
    { name: "a plain Error", err: new Error("x"), want: undefined },
    { name: "undefined", err: undefined, want: undefined },
  ])("$name", ({ err, want }) => {
    expect(reasonForError(err)).toEqual(want);
  });

  it("a hostile object (a Proxy whose traps throw) has no reason, and no predicate throws", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
        has() {
          throw new Error("trap");
        },
        getPrototypeOf() {
          throw new Error("trap");
        },
      },
    );
    expect(reasonForError(hostile)).toBeUndefined();
    expect(answers(hostile)).toEqual([]);
    expect(isImageStreamError(hostile)).toBe(false);
  });

  it("a response body over 1 MB is not parsed: its code still counts", () => {
    const body = JSON.stringify({ ...status("AlreadyExists", 409), pad: "x".repeat(1 << 20) });
    expect(reasonForError(new ApiException(409, "x", body, {}))).toEqual({ reason: "", code: 409 });
  });
});

test.prop([fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true })])(
  "predicates never throw; a true answer always comes with a reason",
  (v) => {
    for (const p of Object.values(PREDICATES)) {
      const answer = p(v);
      expect(typeof answer).toBe("boolean");
      if (answer) expect(reasonForError(v)).toBeDefined();
    }
  },
);

const arbError = fc.oneof(
  fc.string().map((name) => new NotFoundError({ resource: "imagestreamtags", name })),
  fc.string().map((name) => new AlreadyExistsError({ resource: "imagestreamtags", name })),
  fc.tuple(fc.string(), fc.string()).map(([name, d]) => new ConflictError({ resource: "images", name }, d)),
  fc
    .string()
    .map((name) => new InvalidError({ kind: "ImageStream", name, fieldErrors: [requiredField("spec")] })),
  fc.string().map((m) => new BadRequestError(m)),
  fc.string().map((m) => new ForbiddenError(m)),
);

test.prop([arbError, fc.integer({ min: 0, max: 15 })])(
  "an error, its toStatus() and any cause chain around either up to 15 links answer every predicate alike",
  (err, depth) => {
    const want = answers(err);
    expect(want).toHaveLength(1);
    expect(answers(err.toStatus())).toEqual(want);
    expect(answers(chain(depth, err))).toEqual(want);
    expect(answers(chain(depth, err.toStatus()))).toEqual(want);
  },
);

describe("copies of the package (ESM and CommonJS builds of src/errors.ts)", () => {
  let dir = "";
  let esm: Errors;
  let cjs: Errors;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "imagestream-errors-copy-"));
    const entry = fileURLToPath(new URL("../src/errors.ts", import.meta.url));
    for (const [format, file] of [
      ["esm", "copy.mjs"],
      ["cjs", "copy.cjs"],
    ] as const) {
      const out = buildSync({ entryPoints: [entry], bundle: true, format, platform: "node", write: false });
      writeFileSync(join(dir, file), out.outputFiles[0]?.text ?? "");
    }
    esm = (await import(pathToFileURL(join(dir, "copy.mjs")).href)) as Errors;
    cjs = createRequire(import.meta.url)(join(dir, "copy.cjs")) as Errors;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the copies are other classes (plain instanceof would fail)", () => {
    expect(esm.NotFoundError).not.toBe(NotFoundError);
    expect(cjs.NotFoundError).not.toBe(NotFoundError);
    expect(Function.prototype[Symbol.hasInstance].call(NotFoundError, new esm.NotFoundError(ref))).toBe(
      false,
    );
  });

  it.each(["esm", "cjs"] as const)(
    "%s: the predicates and isImageStreamError recognise its errors",
    (which) => {
      const copy = which === "esm" ? esm : cjs;
      expect(answers(new copy.NotFoundError(ref))).toEqual(["isNotFound"]);
      expect(answers(new Error("x", { cause: new copy.ForbiddenError("no") }))).toEqual(["isForbidden"]);
      expect(isImageStreamError(new copy.ConflictError(ref, "x"))).toBe(true);
      expect(copy.isNotFound(new NotFoundError(ref))).toBe(true);
      expect(
        copy.isImageStreamError(new InvalidError({ kind: "ImageStream", name: "x", fieldErrors: [] })),
      ).toBe(true);
    },
  );

  it.each(["esm", "cjs"] as const)("%s: instanceof matches the brand and the class, both ways", (which) => {
    const copy = which === "esm" ? esm : cjs;
    const nf = new copy.NotFoundError(ref);
    expect(nf).toBeInstanceOf(NotFoundError);
    expect(nf).toBeInstanceOf(ImageStreamError);
    expect(nf).toBeInstanceOf(Error);
    expect(nf instanceof ConflictError).toBe(false);
    const bad = new copy.ImageReferenceError(
      "NameEmpty",
      "repository name must have at least one component",
      "",
      0,
    );
    expect(bad).toBeInstanceOf(ImageReferenceError);
    expect(bad instanceof BadRequestError).toBe(false); // same reason, another class
    expect(new NotFoundError(ref)).toBeInstanceOf(copy.NotFoundError);
    expect(new BadRequestError("x") instanceof copy.ForbiddenError).toBe(false);
  });
});

describe("instanceof and the brand", () => {
  it("a subclass written by a user keeps working, and is not matched by its parent's copies", () => {
    class MyNotFound extends NotFoundError {}
    const mine = new MyNotFound(ref);
    expect(mine).toBeInstanceOf(MyNotFound);
    expect(mine).toBeInstanceOf(NotFoundError);
    expect(isNotFound(mine)).toBe(true);
    expect(new NotFoundError(ref) instanceof MyNotFound).toBe(false);
  });

  it("the brand alone does not make an ImageStreamError; the class tag names the class", () => {
    const forged = { [Symbol.for("imagestream.error")]: true, reason: "NotFound", code: 404 };
    expect(isImageStreamError(forged)).toBe(false);
    expect(forged instanceof ImageStreamError).toBe(false);
    expect(Object.prototype.toString.call(new InvalidError({ kind: "K", name: "n", fieldErrors: [] }))).toBe(
      "[object InvalidError]",
    );
  });

  it("isImageStreamError narrows for field access and ignores causes and Status objects", () => {
    const e: unknown = new InvalidError({
      kind: "ImageStream",
      name: "x",
      fieldErrors: [requiredField("spec")],
    });
    if (!isImageStreamError(e)) throw new Error("expected an ImageStreamError");
    expect(e.fieldErrors.map((f) => f.field)).toEqual(["spec"]);
    expect(isImageStreamError(new Error("x", { cause: e }))).toBe(false);
    expect(isImageStreamError(e.toStatus())).toBe(false);
  });
});
