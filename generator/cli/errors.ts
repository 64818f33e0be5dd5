/** A problem with what the user gave us (options, files, profile): exit code 2, no stack trace. */
export class UsageError extends Error {}
