// Imported first by the CLI, before Ink and chalk read the environment: chalk ignores NO_COLOR
// (https://no-color.org) unless it is mapped to FORCE_COLOR=0.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';
export {};
