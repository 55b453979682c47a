/** A mistake in how the command was called: said on stderr with the usage, exit code 2. */
export class UsageError extends Error {}
