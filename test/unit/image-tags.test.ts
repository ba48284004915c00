import { describe, expect, it } from 'vitest';
import { imageRepository, isMutableTag, pinContainerImages, pinnedImage } from '../../src/domain/imageTags.js';

const D = `sha256:${'0123456789abcdef'.repeat(4)}`;
const OTHER = `sha256:${'f'.repeat(64)}`;

describe('isMutableTag', () => {
  it.each([
    'latest',
    '',
    'main',
    'master',
    'develop',
    'dev',
    'staging',
    'stage',
    'prod',
    'production',
    'stable',
    'edge',
    'nightly',
    'release',
    'test',
    'Latest',
    'PROD',
  ])('%j may point elsewhere tomorrow', (tag) => expect(isMutableTag(tag)).toBe(true));

  it.each(['v1.4.2', '1.4.2', '2026.11.30-abc123', 'release-2026-11-30', 'main-3f2a1bc', `@${D.slice(0, 19)}`, D])(
    '%j names one build',
    (tag) => expect(isMutableTag(tag)).toBe(false),
  );

  it('is true for a version tag the bad release also used (it may have been re-pushed), and only for that one', () => {
    expect(isMutableTag('v1.4.2', ['v1.4.2', '2.2'])).toBe(true);
    expect(isMutableTag('2.2', ['v1.4.2', '2.2'])).toBe(true);
    expect(isMutableTag('v1.4.1', ['v1.4.2', '2.2'])).toBe(false);
  });

  it('a digest stays pinned even when the release shares it: it names bytes, not a pointer', () => {
    const shown = `@${D.slice(0, 19)}`;
    expect(isMutableTag(shown, [shown])).toBe(false);
  });
});

describe('pinnedImage', () => {
  it.each([
    ['registry.example.com/web:v1.4.2', `registry.example.com/web@${D}`],
    [
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:latest',
      `123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web@${D}`,
    ],
    ['host:5000/web:tag', `host:5000/web@${D}`],
    ['host:5000/web', `host:5000/web@${D}`],
    ['nginx', `nginx@${D}`],
    [`registry.example.com/web@${OTHER}`, `registry.example.com/web@${D}`],
    [`registry.example.com/web:v3@${OTHER}`, `registry.example.com/web@${D}`],
  ])('%s → %s', (image, pinned) => expect(pinnedImage(image, D)).toBe(pinned));

  it('refuses a malformed digest or an empty image: a task definition must never name a broken image', () => {
    expect(() => pinnedImage('web:v1', 'sha256:abc')).toThrow('not a sha256 digest');
    expect(() => pinnedImage('web:v1', D.toUpperCase())).toThrow('not a sha256 digest');
    expect(() => pinnedImage('web:v1', '')).toThrow('not a sha256 digest');
    expect(() => pinnedImage('', D)).toThrow('no repository');
  });

  it('imageRepository keeps the registry port and path', () => {
    expect(imageRepository('host:5000/team/web:v2@' + D)).toBe('host:5000/team/web');
  });
});

describe('pinContainerImages', () => {
  const containers = [
    { name: 'web', image: 'registry.example.com/web:latest' },
    { name: 'sidecar', image: 'fluent/fluent-bit:2.2' },
  ];

  it('pins the named containers and leaves the others as they are', () => {
    expect(
      pinContainerImages('web:41', containers, [
        { container: 'web', image: 'registry.example.com/web:latest', digest: D },
      ]),
    ).toEqual([`registry.example.com/web@${D}`, 'fluent/fluent-bit:2.2']);
  });

  it.each([
    [[{ container: 'api', image: 'registry.example.com/web:latest', digest: D }], 'web:41 has no container api'],
    [[{ container: 'web', image: 'registry.example.com/web:latest' }], 'container web has no digest to pin'],
    [
      [{ container: 'web', image: 'registry.example.com/other:latest', digest: D }],
      'runs registry.example.com/web:latest',
    ],
    [
      [
        { container: 'web', image: 'registry.example.com/web:latest', digest: D },
        { container: 'web', image: 'registry.example.com/web:latest', digest: OTHER },
      ],
      'container web named twice',
    ],
  ])('refuses %j', (images, message) =>
    expect(() => pinContainerImages('web:41', containers, images)).toThrow(message),
  );
});
