import type { Core } from '../../main/core/app';
import type { Result } from '../../main/core/contract';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from './auth';

export const PERSON = { nationalCode: '0499370899', name: 'زهرا احمدی', mobile: '09121234567' };

/** A request taken at the kiosk and worked through to delivery at the counter: what a survey is about. */
export async function deliveredRequest(core: Core, serviceCode = '10110001'): Promise<string> {
  const made = (await core.router.call(callerForWindow('kiosk'), 'requests.create', {
    serviceCode,
    applicant: PERSON,
  })) as Result<{ trackingCode: string }>;
  if (!made.ok) throw new Error(`could not take a request: ${made.error.code}`);
  const clerk = await signedIn(core, 'clerk');
  for (const to of ['in_progress', 'ready', 'delivered']) {
    const moved = await core.router.call(clerk, 'requests.transition', {
      trackingCode: made.value.trackingCode,
      to,
    });
    if (!moved.ok) throw new Error(`could not move to ${to}: ${moved.error.code}`);
  }
  return made.value.trackingCode;
}
