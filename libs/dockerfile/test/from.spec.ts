import { DOCKERFILE_RULE_IDS as ID } from '../src/index.js';
import { dockerfile, expectPatchFixes, hitsOf } from './support/patch-check.js';

const DIGEST = `sha256:${'7959ed6f7e35f8b1'.repeat(4)}`;
const FROM_RULES = [ID.fromUntagged, ID.fromLatest, ID.fromNotPinned];
const fromHits = (text: string, options = {}): { ruleId: string; image: unknown; line: unknown }[] =>
  FROM_RULES.flatMap((id) => hitsOf(text, id, options))
    .map((h) => ({ ruleId: h.ruleId, image: h.evidence.details?.image, line: h.evidence.line }))
    .sort((a, b) => Number(a.line) - Number(b.line));

describe('FROM rules (DL3006, DL3007, pinning by digest)', () => {
  it.each([
    ['FROM debian', ID.fromUntagged],
    ['FROM debian AS builder', ID.fromUntagged],
    ['FROM debian:latest', ID.fromLatest],
    ['FROM debian:latest AS builder', ID.fromLatest],
    ['FROM debian:jessie', ID.fromNotPinned],
    ['FROM registry.example:5000/team/app', ID.fromUntagged],
    ['FROM registry.example:5000/team/app:1.2', ID.fromNotPinned],
    ['FROM --platform=$BUILDPLATFORM golang:1.22 AS build', ID.fromNotPinned],
  ])('%s gives %s, and only that', (line, ruleId) => {
    expect(fromHits(dockerfile(line)).map((h) => h.ruleId)).toEqual([ruleId]);
  });

  it.each(['FROM scratch', `FROM ruby@${DIGEST}`, `FROM registry.example/debian:latest@${DIGEST}`])('%s is fine', (line) => {
    expect(fromHits(dockerfile(line))).toEqual([]);
  });

  it('does not treat a build stage as an image', () => {
    const text = dockerfile('FROM golang:1.9.3-alpine3.7 AS build', 'RUN foo', 'FROM build as unit-test', 'RUN bar', 'FROM alpine:3.7', 'RUN baz');
    expect(fromHits(text)).toEqual([
      { ruleId: ID.fromNotPinned, image: 'golang:1.9.3-alpine3.7', line: 1 },
      { ruleId: ID.fromNotPinned, image: 'alpine:3.7', line: 5 },
    ]);
    expect(fromHits(dockerfile('FROM golang:1.9 AS build', 'FROM node as unit-test')).map((h) => h.ruleId)).toEqual([ID.fromNotPinned, ID.fromUntagged]);
  });

  it('evaluates ARG-parametrised images with their defaults, or with the build arguments', () => {
    expect(fromHits(dockerfile('ARG BASE=debian:latest', 'FROM ${BASE}'))).toEqual([{ ruleId: ID.fromLatest, image: 'debian:latest', line: 2 }]);
    expect(fromHits(dockerfile('ARG BASE=debian:latest', 'FROM ${BASE}'), { buildArgs: { BASE: 'debian:12' } })).toEqual([{ ruleId: ID.fromNotPinned, image: 'debian:12', line: 2 }]);
    expect(fromHits(dockerfile('ARG V=12', 'FROM debian:$V'))).toEqual([{ ruleId: ID.fromNotPinned, image: 'debian:12', line: 2 }]);
    expect(fromHits(dockerfile('ARG TAG', 'FROM debian:${TAG:-latest}'))).toEqual([{ ruleId: ID.fromLatest, image: 'debian:latest', line: 2 }]);
    // A variable without a value cannot be evaluated: nothing to say, as Hadolint says nothing about `FROM ${VALUE}`.
    expect(fromHits(dockerfile('ARG BASE', 'FROM ${BASE}'))).toEqual([]);
    // Build arguments only replace declared ARGs.
    expect(fromHits(dockerfile('FROM debian:${TAG:-latest}'), { buildArgs: { TAG: '12' } })).toEqual([{ ruleId: ID.fromLatest, image: 'debian:latest', line: 1 }]);
  });

  it('names the image and stage in the key, not the line', () => {
    const [a] = hitsOf(dockerfile('FROM debian:12 AS build'), ID.fromNotPinned);
    const [b] = hitsOf(dockerfile('# a comment', '', 'FROM debian:12 AS build'), ID.fromNotPinned);
    expect(a.key).toEqual(b.key);
    expect(a.evidence.line).not.toBe(b.evidence.line);
  });
});

describe('pinning patches', () => {
  const resolveDigest = (image: string): string | undefined => (image.startsWith('debian') || image.startsWith('golang') ? DIGEST : undefined);

  it.each([ID.fromUntagged, ID.fromLatest, ID.fromNotPinned])('pins the image of %s by the digest the scanner supplies', (ruleId) => {
    const image = ruleId === ID.fromUntagged ? 'debian' : ruleId === ID.fromLatest ? 'debian:latest' : 'debian:12';
    const text = dockerfile(`FROM --platform=linux/amd64 ${image} AS base`, 'RUN true');
    const patched = expectPatchFixes(text, ruleId, { resolveDigest });
    expect(patched).toBe(dockerfile(`FROM --platform=linux/amd64 ${image}@${DIGEST} AS base`, 'RUN true'));
  });

  it('pins the default of the global ARG a FROM is made of, quoted or not', () => {
    const text = dockerfile('ARG BASE="debian:12"', 'ARG GO=golang:1.22', 'FROM $GO AS build', 'FROM ${BASE}');
    expect(expectPatchFixes(text, ID.fromNotPinned, { resolveDigest })).toContain(`ARG GO=golang:1.22@${DIGEST}\n`);
    expect(expectPatchFixes(text, ID.fromNotPinned, { resolveDigest }, 1)).toContain(`ARG BASE="debian:12@${DIGEST}"\n`);
  });

  it('gives remediation text instead of a patch when no digest is known or the digest is not one', () => {
    const text = dockerfile('FROM alpine:3.20');
    const [unknown] = hitsOf(text, ID.fromNotPinned, { resolveDigest });
    expect(unknown.patch).toBeNull();
    expect(unknown.remediation).toContain('FROM alpine:3.20@sha256:');
    const [bad] = hitsOf(dockerfile('FROM debian:12'), ID.fromNotPinned, { resolveDigest: () => 'latest' });
    expect(bad.patch).toBeNull();
  });

  it('does not patch an image that comes from a build argument or a composed reference', () => {
    expect(hitsOf(dockerfile('ARG BASE=alpine:3', 'FROM ${BASE}'), ID.fromNotPinned, { resolveDigest: () => DIGEST, buildArgs: { BASE: 'debian:12' } })[0].patch).toBeNull();
    expect(hitsOf(dockerfile('ARG V=12', 'FROM debian:${V}'), ID.fromNotPinned, { resolveDigest })[0].patch).toBeNull();
  });
});
