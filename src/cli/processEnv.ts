// Imported first by the CLI, before Ink, chalk and the AWS SDK read the environment.

// chalk ignores NO_COLOR (https://no-color.org) unless it is mapped to FORCE_COLOR=0.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';

// The SDK prints a multi-line warning to stderr on Node < 22, straight through the dashboard's
// frame; the support window is in the README instead.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
export {};
