// Fixed mixed corpus of 20 realistic references (all valid for distribution/reference Parse; no IPv6 so every peer accepts them).
const H1 = "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";
const H2 = "47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";
const H3 = "e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582";
export const corpus = [
  "python:3.6",
  "ubuntu",
  "nginx:1.25-alpine",
  "library/redis:7",
  `docker.io/library/python@sha256:${H1}`,
  "docker.io/bitnami/postgresql:16.1.0-debian-11-r15",
  "quay.io/openshift-release-dev/ocp-release:4.14.0-x86_64",
  `quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:${H3}`,
  "registry.redhat.io/ubi8/ubi-minimal:8.9-1029",
  `registry.access.redhat.com/ubi9/ubi@sha256:${H1}`,
  "image-registry.openshift-image-registry.svc:5000/openshift/cli:latest",
  `172.30.56.218:5000/test/origin-ruby-sample@sha256:${H2}`,
  "172.30.1.1:5000/myproject/myapp:v1.2.3",
  "localhost:5000/myimage:dev",
  "gcr.io/google-containers/pause:3.9",
  "ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.92.0",
  "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/service:build-4821",
  "mcr.microsoft.com/dotnet/aspnet:8.0",
  `registry.k8s.io/ingress-nginx/controller:v1.9.5@sha256:${H3}`,
  "my-registry.example.com:8443/team/app_x/sub-component:2024.01.15",
];

// Reject-path probes for catastrophic backtracking: f(N) builds an invalid input of ~N repetitions.
export const evil = {
  "a*N+!": (n) => "a".repeat(n) + "!",
  "(a/)*N+:": (n) => "a/".repeat(n) + ":",
  "a+-*N+!": (n) => "a" + "-".repeat(n) + "!",
  "(a-)*N+!": (n) => "a-".repeat(n) + "!",
  "(a.)*N+!": (n) => "a.".repeat(n) + "!",
  "(a_)*N+!": (n) => "a_".repeat(n) + "!",
  "A*N+!": (n) => "A".repeat(n) + "!",
  "a@sha256:f*N+!": (n) => "a@sha256:" + "f".repeat(n) + "!",
  "[(0:)*N+!": (n) => "[" + "0:".repeat(n) + "!",
};
export const evilN = [8, 12, 16, 20, 24, 28, 32, 1000, 10000, 100000];

// Realistic invalid inputs (copy-paste accidents) that a parser must reject quickly.
export const realisticRejects = [
  "registry.redhat.io/rhel8/postgresql13 ", // trailing space
  "quay.io/openshift/origin-cluster-image-registry-operator ",
  "docker.io/library/ubuntu:22.04 ",
  "mycompany/averylongimagenamewithoutseparators\t",
  "image-registry.openshift-image-registry.svc:5000/openshift/cli:latest\r", // CRLF file
  "Registry.Example.com/Team/App:1.0", // uppercase path
];
