import { describe, expect, it } from "vitest";
import { validateTagReference } from "../../src/validation/index.js";
import { deepFreeze } from "../support/freeze.js";
import { DIGEST_A } from "./helpers.js";

const P = "spec.tags[tag]";

describe("validateTagReference (R4.2)", () => {
  it("R4.2 a tag without from, or with a valid DockerImage/ImageStreamTag/ImageStreamImage from, is valid", () => {
    expect(validateTagReference({ name: "tag" }, P)).toEqual([]);
    expect(validateTagReference({ from: { kind: "DockerImage", name: "abc" } }, P)).toEqual([]);
    expect(validateTagReference({ from: { kind: "ImageStreamTag", name: "other:latest" } }, P)).toEqual([]);
    expect(validateTagReference({ from: { kind: "ImageStreamImage", name: "other@latest" } }, P)).toEqual([]);
    expect(
      validateTagReference(
        {
          from: { kind: "ImageStreamTag", name: "x:y" },
          referencePolicy: { type: "Local" },
          importPolicy: { importMode: "Legacy" },
        },
        P,
      ),
    ).toEqual([]);
  });

  it("R4.2.1 from set: from.name required", () => {
    expect(validateTagReference({ from: { kind: "DockerImage", name: "" } }, P)).toEqual([
      { type: "FieldValueRequired", field: "spec.tags[tag].from.name", value: "", detail: "" },
    ]);
    expect(validateTagReference({ from: { kind: "ImageStreamTag" } }, "tag")).toEqual([
      { type: "FieldValueRequired", field: "tag.from.name", value: "", detail: "" },
    ]);
  });

  it("R4.2.2 DockerImage name must parse; the detail is the parser's message", () => {
    expect(
      validateTagReference({ from: { kind: "DockerImage", name: "abc@badid" } }, "spec.tags[badid]"),
    ).toEqual([
      {
        type: "FieldValueInvalid",
        field: "spec.tags[badid].from.name",
        value: "abc@badid",
        detail: "invalid reference format",
      },
    ]);
    expect(validateTagReference({ from: { kind: "DockerImage", name: "Foo/Bar" } }, P)).toEqual([
      {
        type: "FieldValueInvalid",
        field: `${P}.from.name`,
        value: "Foo/Bar",
        detail: "repository name must be lowercase",
      },
    ]);
  });

  it("R4.2.3 ImageStreamTag / ImageStreamImage may not be scheduled", () => {
    const detail = "only tags pointing to Docker repositories may be scheduled for background import";
    for (const kind of ["ImageStreamTag", "ImageStreamImage"]) {
      expect(
        validateTagReference(
          { from: { kind, name: "other:latest" }, importPolicy: { scheduled: true } },
          "spec.tags[other]",
        ),
      ).toEqual([
        { type: "FieldValueInvalid", field: "spec.tags[other].importPolicy.scheduled", value: true, detail },
      ]);
    }
    expect(
      validateTagReference(
        { from: { kind: "DockerImage", name: "abc" }, importPolicy: { scheduled: true } },
        P,
      ),
    ).toEqual([]);
  });

  it("R4.2.4 any other kind (including empty) is Required on from.kind with the valid values", () => {
    const detail = "valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'";
    for (const kind of ["", "ImageTag", "dockerimage", undefined, 7]) {
      expect(validateTagReference({ from: { kind, name: "foo/bar:biz" } }, "spec")).toEqual([
        { type: "FieldValueRequired", field: "spec.from.kind", value: "", detail },
      ]);
    }
    expect(validateTagReference({ from: {} }, P).map((e) => e.field)).toEqual([
      `${P}.from.name`,
      `${P}.from.kind`,
    ]);
  });

  it("R4.2.5 / R1.3.5 referencePolicy.type must be Source or Local, checked even without from", () => {
    expect(validateTagReference({ referencePolicy: { type: "Other" } }, P)).toEqual([
      {
        type: "FieldValueInvalid",
        field: `${P}.referencePolicy.type`,
        value: "Other",
        detail: 'valid values are "Source", "Local"',
      },
    ]);
    expect(
      validateTagReference(
        { from: { kind: "DockerImage", name: "abc" }, referencePolicy: { type: "source" } },
        P,
      ),
    ).toHaveLength(1);
    // empty/absent is what the v1 defaulting turns into Source
    expect(validateTagReference({ referencePolicy: { type: "" } }, P)).toEqual([]);
    expect(validateTagReference({ referencePolicy: {} }, P)).toEqual([]);
    expect(validateTagReference({ referencePolicy: { type: "Source" } }, P)).toEqual([]);
    expect(validateTagReference({ referencePolicy: { type: 3 } }, P)[0]?.value).toBe(3);
  });

  it("R4.2.6 importPolicy.importMode must be '', Legacy or PreserveOriginal", () => {
    expect(
      validateTagReference(
        { from: { kind: "DockerImage", name: "abc" }, importPolicy: { importMode: "Invalid" } },
        P,
      ),
    ).toEqual([
      {
        type: "FieldValueInvalid",
        field: `${P}.importPolicy.importMode`,
        value: "Invalid",
        detail: "invalid import mode, valid modes are '', 'Legacy', 'PreserveOriginal'",
      },
    ]);
    for (const importMode of ["", "Legacy", "PreserveOriginal", undefined, null]) {
      expect(validateTagReference({ importPolicy: { importMode } }, P)).toEqual([]);
    }
  });

  it("R4.2.7 a DockerImage from with a digest may be scheduled", () => {
    expect(
      validateTagReference(
        { from: { kind: "DockerImage", name: `abc@${DIGEST_A}` }, importPolicy: { scheduled: true } },
        P,
      ),
    ).toEqual([]);
  });

  it("R4.2 errors come in upstream order: from, referencePolicy, importMode", () => {
    const errs = validateTagReference(
      {
        from: { kind: "ImageStreamTag", name: "" },
        importPolicy: { scheduled: true, importMode: "X" },
        referencePolicy: { type: "Y" },
      },
      P,
    );
    expect(errs.map((e) => e.field)).toEqual([
      `${P}.from.name`,
      `${P}.importPolicy.scheduled`,
      `${P}.referencePolicy.type`,
      `${P}.importPolicy.importMode`,
    ]);
  });

  it("R4.2 odd shapes are treated as absent and never throw; inputs are not mutated", () => {
    expect(validateTagReference(null, P)).toEqual([]);
    expect(validateTagReference("latest", P)).toEqual([]);
    expect(validateTagReference({ from: "DockerImage" }, P)).toEqual([]);
    expect(validateTagReference({ from: null }, P)).toEqual([]);
    const ref = deepFreeze({ from: { kind: "DockerImage", name: "" }, importPolicy: [] });
    expect(validateTagReference(ref, P)).toHaveLength(1);
  });
});
