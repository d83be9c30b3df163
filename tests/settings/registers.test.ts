import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setStorageEnv } from '../../src/settings/env';
import { listQuarantine } from '../../src/settings/quarantine';
import { defaultRegister, nextRegister, registerChange, registerFor } from '../../src/settings/registers';
import { DEFAULT_SETTINGS, MAX_REGISTER_SITES, settingsSchema } from '../../src/settings/schema';
import { getSettings, readStoredPref, updateSettings } from '../../src/settings/store';
import { World } from './sim';

describe('who the user writes to, per site', () => {
  it.each([
    ['app.slack.com', 'teammate'],
    ['acme.slack.com', 'teammate'],
    ['teams.microsoft.com', 'teammate'],
    ['mail.google.com', 'manager'],
    ['outlook.office.com', 'manager'],
    ['notion.so', 'manager'],
    ['notslack.com', 'manager'],
  ] as const)('starts %s at %s', (host, register) => {
    expect(defaultRegister(host)).toBe(register);
    expect(registerFor(DEFAULT_SETTINGS, host)).toBe(register);
  });

  it('keeps a choice only where it differs from the site’s default', () => {
    const toClient = registerChange(DEFAULT_SETTINGS, 'mail.google.com', 'client');
    expect(toClient).toEqual({ registers: { 'mail.google.com': 'client' } });
    const settings = { ...DEFAULT_SETTINGS, ...toClient };
    expect(registerFor(settings, 'mail.google.com')).toBe('client');
    expect(registerFor(settings, 'app.slack.com')).toBe('teammate');
    expect(registerChange(settings, 'mail.google.com', 'manager')).toEqual({ registers: {} });
  });

  it('lets the oldest choice go when the list is full, so a save never fails', () => {
    const full = Object.fromEntries(Array.from({ length: MAX_REGISTER_SITES }, (_, i) => [`site${i}.example`, 'client' as const]));
    const change = registerChange({ registers: full }, 'new.example', 'teammate');
    expect(Object.keys(change.registers)).toHaveLength(MAX_REGISTER_SITES);
    expect(change.registers['site0.example']).toBeUndefined();
    expect(change.registers['new.example']).toBe('teammate');
    expect(settingsSchema.shape.registers.safeParse(change.registers).success).toBe(true);
  });

  it('switches teammate → manager → client → teammate', () => {
    expect([nextRegister('teammate'), nextRegister('manager'), nextRegister('client')]).toEqual(['manager', 'client', 'teammate']);
  });

  it('refuses a register this version does not know, naming it', () => {
    expect(readStoredPref('registers', { 'mail.google.com': 'boss' }).problems.join()).toMatch(/registers|boss|expected/i);
    expect(readStoredPref('registers', { 'mail.google.com': 'client' }).value).toEqual({ id: 'registers', value: { 'mail.google.com': 'client' } });
  });
});

describe('the register setting in storage', () => {
  let world: World;
  beforeEach(() => {
    world = new World();
    setStorageEnv(world.device('a').env);
  });
  afterEach(() => setStorageEnv());

  it('is saved as its own record, beside the other settings, and reaches another device', async () => {
    const b = world.device('b');
    await updateSettings({ showEquivalents: false });
    await updateSettings(registerChange(await getSettings(), 'mail.google.com', 'client'));
    expect(await getSettings()).toMatchObject({ showEquivalents: false, registers: { 'mail.google.com': 'client' } });
    world.deliver(b);
    setStorageEnv(b.env);
    expect(registerFor(await getSettings(), 'mail.google.com')).toBe('client');
  });

  it('reads settings saved before registers existed as the site defaults, writing nothing', async () => {
    const a = world.device('a');
    a.sync.items.settings = { langs: ['ja'], showEquivalents: false, enabledSites: ['notion.so'], disabledSites: [] };
    setStorageEnv(a.env);
    const before = JSON.stringify(a.sync.items);
    const settings = await getSettings();
    expect(settings).toMatchObject({ langs: ['ja'], registers: {} });
    expect(registerFor(settings, 'app.slack.com')).toBe('teammate');
    expect(JSON.stringify(a.sync.items)).toBe(before);
  });

  it('keeps a register a newer Kuuki wrote as it is, sets a copy aside, and keeps every other setting', async () => {
    const a = world.device('a');
    a.sync.items.settings = { langs: ['ja'], registers: { 'mail.google.com': 'board' }, enabledSites: [], disabledSites: [] };
    setStorageEnv(a.env);
    const settings = await getSettings();
    expect(settings.langs).toEqual(['ja']);
    expect(registerFor(settings, 'mail.google.com')).toBe('manager');
    expect((await listQuarantine()).some((q) => JSON.stringify(q.value).includes('board'))).toBe(true);
    await updateSettings({ showEquivalents: false });
    expect(JSON.stringify(a.sync.items)).toContain('board');
  });
});
