// What `--version` says: the package version and the commit the file was built from (scripts/build.mjs
// defines both; a run from source, as in tests, says so).
declare const SHIPWATCH_VERSION: string | undefined;
declare const SHIPWATCH_COMMIT: string | undefined;

export const VERSION = typeof SHIPWATCH_VERSION === 'string' ? SHIPWATCH_VERSION : '0.0.0-dev';
export const COMMIT = typeof SHIPWATCH_COMMIT === 'string' ? SHIPWATCH_COMMIT : 'unbuilt';
export const VERSION_LINE = `${VERSION} (commit ${COMMIT})`;
