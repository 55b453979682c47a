import type { Page } from 'playwright-core';
import type { Core } from '../../main/core/app';
import type { UserRole, WindowRole } from '../../main/core/contract';
import type { Caller } from '../../main/core/router';
import type { WindowOptions } from '../../main/shell/chromium';
import type { RunningApp } from './app';

/**
 * Signing in for tests. A counter or admin window holds no rights until a user signs in on
 * it, so a test that calls staff channels signs a window in first:
 *
 *   const admin = await signedIn(core);                 // an administrator on an admin window
 *   const clerk = await signedIn(core, 'clerk');        // a clerk on a counter window
 *   await core.router.call(admin, 'settings.set', { key: 'terminal.number', value: 7 });
 *
 *   const page = await openSignedIn(app, { role: 'admin', viewport: LANDSCAPE }); // e2e: through the form
 *
 * Users are made once per core, named after their role ('admin', 'clerk', 'supervisor')
 * unless a username is given, all with TEST_PASSWORD. What they do is recorded as `user:<username>`.
 */
export const TEST_PASSWORD = 'test-password-1';

let windows = 0;

/** The user exists (made straight in the core, as an administrator would). */
export async function ensureUser(core: Core, role: UserRole = 'admin', username: string = role): Promise<void> {
  if (core.auth.users.byUsername(username)) return;
  await core.auth.create({ username, displayName: `Test ${role}`, role, password: TEST_PASSWORD }, 'test');
}

/** The window a user of this role works at by default: an administrator or supervisor at the admin face. */
function windowFor(role: UserRole): WindowRole {
  return role === 'clerk' ? 'counter' : 'admin';
}

/**
 * A new window (by default the admin face for an administrator or supervisor, the counter for
 * a clerk) with the user signed in on it: the caller to pass to `core.router.call`.
 */
export async function signedIn(
  core: Core,
  role: UserRole = 'admin',
  options: { username?: string; windowRole?: WindowRole } = {},
): Promise<Caller> {
  const username = options.username ?? role;
  await ensureUser(core, role, username);
  const window = { windowRole: options.windowRole ?? windowFor(role), windowKey: `test:${username}:${++windows}` };
  await core.auth.signIn(window, username, TEST_PASSWORD);
  return core.auth.resolve(window);
}

/** Types the username and password into the sign-in screen and waits until the face is signed in. */
export async function signInOnPage(page: Page, username: string, password: string = TEST_PASSWORD): Promise<void> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="password"]').press('Enter');
  await page.waitForSelector(`html[data-user="${username}"]`);
}

/** Opens a window (admin face by default) and signs in on it through its sign-in screen. */
export async function openSignedIn(
  app: RunningApp,
  options: Partial<WindowOptions> & { as?: UserRole; username?: string } = {},
): Promise<Page> {
  const role = options.as ?? 'admin';
  const username = options.username ?? role;
  await ensureUser(app.core, role, username);
  const { as: _as, username: _username, ...window } = options;
  const page = await app.open({ role: windowFor(role), hasTouch: false, ...window });
  await signInOnPage(page, username);
  return page;
}
