import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSiteRegister } from '../../src/background/site-register';
import { setStorageEnv } from '../../src/settings/env';
import { getSettings } from '../../src/settings/store';
import { World } from '../settings/sim';

describe('saving the register the card switched to', () => {
  beforeEach(() => setStorageEnv(new World().device('a').env));
  afterEach(() => setStorageEnv());

  it('keeps both of two quick saves for two sites, and the later of two for one site', async () => {
    await Promise.all([
      saveSiteRegister('mail.google.com', 'client'),
      saveSiteRegister('app.slack.com', 'manager'),
      saveSiteRegister('notion.so', 'client'),
      saveSiteRegister('notion.so', 'teammate'),
    ]);
    expect((await getSettings()).registers).toEqual({ 'mail.google.com': 'client', 'app.slack.com': 'manager', 'notion.so': 'teammate' });
  });
});
