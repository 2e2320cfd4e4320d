/**
 * `imagestream resolve` with the ImagePolicy configuration (openshift/apiserver-library-go
 * pkg/admission/imagepolicy `accept`, `ImagePolicyPlugin.admit`): rejections, the controller
 * owner skip and StatefulSet updates.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanup, cli, ensureBuilt, tempDir } from "./support.js";

const D49 = "sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25000000000000";
const PINNED = `centos/python-35-centos7@${D49}`;
const PY = "examples/python.yaml";

beforeAll(() => ensureBuilt(), 300_000);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) cleanup(d);
});

describe("resolve --resolve-images / --policy-config / --controller-owned", () => {
  it("RequiredRewrite: resolvable images are pinned, the others rejected on standard error, exit 1", () => {
    const r = cli([
      "resolve",
      "python:3.5",
      "docker.io/library/ruby",
      "--resolve-names",
      "--resolve-images",
      "RequiredRewrite",
      "-f",
      PY,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`python:3.5 -> ${PINNED} (image stream tag default/python:3.5)\n`);
    expect(r.stderr).toBe(
      'error: docker.io/library/ruby rejected: notFound: this image is prohibited by policy: imagestreams.image.openshift.io "ruby" not found\n',
    );
  });

  it("Attempt (the default) keeps what cannot be resolved and exits 0", () => {
    const r = cli(["resolve", "docker.io/library/ruby", "-f", PY]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(/^docker\.io\/library\/ruby unchanged: notLocalName/);
  });

  it("-o json carries the verdict (kind rejected) and exits 1", () => {
    const r = cli(["resolve", "ruby", "--resolve-images", "Required", "-o", "json", "-f", PY]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: "rejected", image: "ruby", reason: "notFound" });
  });

  it("--policy-config reads an ImagePolicyConfig; its errors are Invalid (exit 1)", () => {
    const d = tempDir();
    dirs.push(d);
    const good = join(d, "policy.yaml");
    writeFileSync(
      good,
      "kind: ImagePolicyConfig\napiVersion: image.openshift.io/v1\nresolveImages: Attempt\nresolutionRules:\n- targetResource:\n    group: apps\n    resource: '*'\n  localNames: true\n",
    );
    expect(
      cli([
        "resolve",
        "python:3.5",
        "--resource",
        "deployments.apps",
        "--resolve-names",
        "--policy-config",
        good,
        "-f",
        PY,
      ]).stdout,
    ).toBe(`python:3.5 -> ${PINNED} (image stream tag default/python:3.5)\n`);
    expect(cli(["resolve", "python:3.5", "--policy-config", good, "-f", PY]).stdout).toBe(
      "python:3.5 unchanged: resourceNotCovered\n",
    );
    const bad = join(d, "bad.json");
    writeFileSync(bad, JSON.stringify({ resolveImages: "Always" }));
    const r = cli(["resolve", "python:3.5", "--policy-config", bad, "-f", PY]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('image.openshift.io/ImagePolicy.resolveImages: Unsupported value: "Always"');
  });

  it("--resolve-images outside the five values is a usage error", () => {
    const r = cli(["resolve", "python:3.5", "--resolve-images", "Always", "-f", PY]);
    expect(r.code).toBe(2);
  });

  it("--controller-owned: the object is skipped", () => {
    const r = cli(["resolve", "python:3.5", "--resolve-names", "--controller-owned", "-f", PY]);
    expect(r.stdout).toBe("python:3.5 unchanged: controllerOwned\n");
  });

  it("StatefulSet updates are rewritten like creates; job updates are not", () => {
    const args = (resource: string) => [
      "resolve",
      "python:3.5",
      "--resolve-names",
      "--resource",
      resource,
      "--operation",
      "update",
      "-f",
      PY,
    ];
    expect(cli(args("statefulsets.apps")).stdout).toBe(
      `python:3.5 -> ${PINNED} (image stream tag default/python:3.5)\n`,
    );
    expect(cli(args("jobs.batch")).stdout).toBe("python:3.5 unchanged: updateNotRewritten\n");
  });
});
