/**
 * The two transport names, in Electron IPC and in the Chromium shell. Kept apart from
 * the schemas so that the preload bundles these strings and not zod.
 */
export const INVOKE_CHANNEL = 'mizban:invoke';
export const EVENTS_CHANNEL = 'mizban:event';
