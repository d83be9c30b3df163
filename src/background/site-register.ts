import type { Register } from '../phrasebook/schema';
import { registerChange } from '../settings/registers';
import { getSettings, updateSettings } from '../settings/store';

let saves: Promise<unknown> = Promise.resolve();

/**
 * The card's R: saves who the user writes to on a site. Saves run one after another, each from
 * what is stored by then, so R pressed twice quickly lands on the second choice.
 */
export function saveSiteRegister(hostname: string, register: Register): Promise<void> {
  const save = saves.then(async () => {
    await updateSettings(registerChange(await getSettings(), hostname, register));
  });
  saves = save.catch(() => undefined);
  return save;
}
