// Modules the bundle leaves out because shipwatch never runs them, each replaced by what it does use.
// Every one is code compiled at each start for nothing (measured: README, "Figures").
//
// - zod re-exports all 64 of its locales as `z.locales`; shipwatch's messages are English, and zod
//   registers English itself (classic/schemas.js imports locales/en.js directly).
// - Ink imports its devtools (with the `ws` WebSocket library) only when DEV=true.

const stubs = [
  {
    // `../locales/index.js` as imported by zod's core and classic entry points.
    filter: /^\.\.\/locales\/index\.js$/,
    importer: /[\\/]zod[\\/]v4[\\/](core|classic)[\\/]/,
    contents: (dir) => `export { default as en } from ${JSON.stringify(`${dir}/../locales/en.js`)};`,
  },
  {
    filter: /^\.\/devtools\.js$/,
    importer: /[\\/]ink[\\/]build[\\/]reconciler\.js$/,
    contents: () => 'export {};',
  },
];

export const bundleStubsPlugin = {
  name: 'bundle-stubs',
  setup(build) {
    stubs.forEach((stub, i) => {
      build.onResolve({ filter: stub.filter }, (args) =>
        stub.importer.test(args.importer)
          ? { path: `${args.resolveDir}#${i}`, namespace: 'shipwatch-stub' }
          : undefined,
      );
    });
    build.onLoad({ filter: /.*/, namespace: 'shipwatch-stub' }, (args) => {
      const [dir, i] = args.path.split('#');
      return { contents: stubs[Number(i)].contents(dir), loader: 'js', resolveDir: dir };
    });
  },
};
