/**
 * What went wrong when electron-builder failed, read from its output, so that `npm run dist`
 * can say it in one sentence instead of a stack trace. Pure: tested under Node.
 */

export type DistFailure = { kind: 'download'; what: string } | { kind: 'other'; lines: string[] };

const NETWORK =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|network connectivity|proxy|unable to (get|verify)|status code [45]\d\d|cannot download|download(ing)? failed|failed to download|fetch failed/i;

/** What electron-builder was fetching, from the lines before the failure. */
function whatWasFetched(output: string): string {
  const electronZip = output.match(/electron-v\d+\.\d+\.\d+[\w.-]*-(linux|win32|darwin)-\w+\.zip/);
  if (electronZip) return `the Electron runtime (${electronZip[0]})`;
  const tool = output.match(
    /\b(nsis(-resources)?|appimage|fpm|winCodeSign|squirrel\.windows|wine)[\w.-]*\.(7z|tar\.gz|tar\.xz|zip)/i,
  );
  if (tool) return `electron-builder's packaging tool ${tool[0]}`;
  const rebuild = output.match(/node-gyp failed to rebuild '[^']*node_modules[\\/]([^']+)'/);
  if (rebuild) return `a prebuilt ${rebuild[1]} for Electron, or Electron's headers to rebuild it`;
  return 'a file from the internet';
}

export function classifyDistFailure(output: string): DistFailure {
  if (NETWORK.test(output)) return { kind: 'download', what: whatWasFetched(output) };
  const lines = output
    .split('\n')
    .filter((line) => line.trim() && !/^\s+at\s/.test(line))
    .slice(-15);
  return { kind: 'other', lines };
}

export function downloadFailureMessage(what: string, electronVersion: string): string {
  return `npm run dist: the installers could not be built, because this machine could not download ${what}.

electron-builder fetches at packaging time the Electron ${electronVersion} runtime for each target, a
prebuilt better-sqlite3 for Electron (or Electron's headers, to rebuild it), and its own tools (NSIS,
AppImage, fpm). This machine reaches only the npm registry, so it cannot. Either:
  - build on a machine that can reach the internet: npm ci, then npm run dist (-- --win, -- --linux); or
  - point electron-builder at mirrors your agency runs: ELECTRON_MIRROR for the Electron runtime and
    ELECTRON_BUILDER_BINARIES_MIRROR for its tools (the native rebuild still needs a prebuilt
    better-sqlite3 or Electron's headers).
Nothing was changed: node_modules is as it was before. electron-builder's own words are in release/dist.log.`;
}
