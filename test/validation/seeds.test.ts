/** The seed fixtures (test/fixtures/seeds, from the OpenShift documentation) validate as the API server would. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validateImageStream, validateImageStreamMapping } from "../../src/validation/index.js";
import { deepFreeze } from "../support/freeze.js";

function seed(name: string): Record<string, unknown> {
  return parse(readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), "utf8")) as Record<
    string,
    unknown
  >;
}

const API_VERSIONS = ["v1", "image.openshift.io/v1"];

describe("seed fixtures (§4)", () => {
  it.each(API_VERSIONS)("§4.1 the seed ImageStream (apiVersion %s) validates clean", (apiVersion) => {
    expect(validateImageStream(deepFreeze({ ...seed("image-stream.yaml"), apiVersion }))).toEqual([]);
  });

  it("§4.1 the seed ImageStream carrying the two-item tag history validates clean", () => {
    const base = seed("image-stream.yaml");
    const history = seed("tag-history.yaml");
    const s = deepFreeze({ ...base, status: { ...(base.status as object), ...history } });
    expect(((s.status as { tags: Array<{ items: unknown[] }> }).tags[0]?.items ?? []).length).toBe(2);
    expect(validateImageStream(s)).toEqual([]);
  });

  for (const file of ["image-stream-mapping.yaml", "image-stream-mapping-fr.yaml"]) {
    it.each(API_VERSIONS)(
      `§4.3 ${file} (apiVersion %s) as printed: exactly one error, Required on image.metadata.name`,
      (apiVersion) => {
        expect(validateImageStreamMapping(deepFreeze({ ...seed(file), apiVersion }))).toEqual([
          {
            type: "FieldValueRequired",
            field: "image.metadata.name",
            value: "",
            detail: "name or generateName is required",
          },
        ]);
      },
    );

    it.each(API_VERSIONS)(
      `§4.3 ${file} (apiVersion %s) with image.metadata.name = its digest validates clean`,
      (apiVersion) => {
        const m = seed(file);
        const image = m.image as Record<string, unknown>;
        const ref = String(image.dockerImageReference);
        const named = deepFreeze({
          ...m,
          apiVersion,
          image: { ...image, metadata: { name: ref.slice(ref.indexOf("@") + 1) } },
        });
        expect(validateImageStreamMapping(named)).toEqual([]);
      },
    );
  }
});
