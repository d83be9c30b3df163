import { REGISTERS, type Register } from '../phrasebook/schema';
import { MAX_REGISTER_SITES, type Settings } from './schema';

/**
 * Who the user writes to on a site. Chat among a team is the teammate register (Slack); mail
 * goes to managers and clients as often as to peers, so mail and every other site start at the
 * manager register, the one Kuuki's rewrites were first written for.
 */
const TEAMMATE_SITES = [/(^|\.)slack\.com$/, /(^|\.)teams\.microsoft\.com$/, /(^|\.)discord\.com$/, /(^|\.)chatwork\.com$/];

export function defaultRegister(hostname: string): Register {
  return TEAMMATE_SITES.some((re) => re.test(hostname)) ? 'teammate' : 'manager';
}

export function registerFor(settings: Pick<Settings, 'registers'>, hostname: string): Register {
  return settings.registers[hostname] ?? defaultRegister(hostname);
}

/** The next register, for the card's one-key switch: teammate → manager → client → teammate. */
export function nextRegister(register: Register): Register {
  return REGISTERS[(REGISTERS.indexOf(register) + 1) % REGISTERS.length]!;
}

/**
 * The change that makes `register` the one for `hostname`. Only choices that differ from the
 * site's default are stored; the oldest choice makes way when the list is full.
 */
export function registerChange(settings: Pick<Settings, 'registers'>, hostname: string, register: Register): Pick<Settings, 'registers'> {
  const { [hostname]: _old, ...others } = settings.registers;
  if (register === defaultRegister(hostname)) return { registers: others };
  const kept = Object.entries(others).slice(-(MAX_REGISTER_SITES - 1));
  return { registers: { ...Object.fromEntries(kept), [hostname]: register } };
}
