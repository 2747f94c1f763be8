import type { Random } from './random.js';

/**
 * Invented names, built from syllables so that none belongs to a real person or a real people. Each
 * community of the fictional country has its own sound; the third parties come from an invented
 * neighbour. Names only ever reach the identity vault, never a record.
 */
export interface NameSounds {
  starts: readonly string[];
  middles: readonly string[];
  womenEndings: readonly string[];
  menEndings: readonly string[];
  familyStarts: readonly string[];
  familyEndings: readonly string[];
}

export const keshaniSounds: NameSounds = {
  starts: ['Tav', 'Osk', 'Ilv', 'Kesh', 'Varn', 'Ulm', 'Drav', 'Esk'],
  middles: ['re', 'ae', 'il', 'o', 'ar', 'ev'],
  womenEndings: ['enna', 'isha', 'ara', 'ethe'],
  menEndings: ['ric', 'oth', 'ask', 'em'],
  familyStarts: ['Quill', 'Orv', 'Tesh', 'Brann', 'Kov', 'Ysk'],
  familyEndings: ['orn', 'avik', 'essar', 'umbrel', 'ardine'],
};

export const dorvakSounds: NameSounds = {
  starts: ['Zel', 'Mor', 'Dur', 'Grav', 'Hald', 'Vor', 'Brun', 'Ostr'],
  middles: ['a', 'ovi', 'en', 'u', 'ek', 'ia'],
  womenEndings: ['mira', 'ushka', 'vena', 'ola'],
  menEndings: ['vok', 'ezh', 'imir', 'ast'],
  familyStarts: ['Drezh', 'Volk', 'Marn', 'Tsav', 'Grol', 'Hesk'],
  familyEndings: ['ovanek', 'urin', 'azhdar', 'ekol', 'imarsk'],
};

export const selmiriSounds: NameSounds = {
  starts: ['Sel', 'Aym', 'Naf', 'Rhi', 'Qas', 'Lio', 'Zaf', 'Imm'],
  middles: ['ar', 'ei', 'ou', 'a', 'ir', 'ua'],
  womenEndings: ['yelle', 'aline', 'essa', 'ime'],
  menEndings: ['oun', 'adir', 'eph', 'uel'],
  familyStarts: ['Bel', 'Farr', 'Sah', 'Nour', 'Qel', 'Ammar'],
  familyEndings: ['avenne', 'ousrah', 'imeddi', 'aquel', 'orrane'],
};

/** The invented neighbour that sends the third-party facilitators. */
export const halvenianSounds: NameSounds = {
  starts: ['Halv', 'Ing', 'Sorv', 'Elv', 'Torg', 'Ask'],
  middles: ['e', 'ri', 'un', 'al'],
  womenEndings: ['hild', 'vinna', 'dreth'],
  menEndings: ['mund', 'gard', 'stein'],
  familyStarts: ['Lind', 'Varg', 'Oster', 'Hjel', 'Strand'],
  familyEndings: ['quist', 'borrow', 'heimer', 'gaard'],
};

/** A name not yet used, as given names plus a family name. */
export function inventName(
  random: Random,
  sounds: NameSounds,
  gender: 'woman' | 'man' | 'other' | 'undisclosed',
  used: Set<string>,
): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const feminine = gender === 'woman' || (gender !== 'man' && random.chance(0.5));
    const given =
      random.pick(sounds.starts) +
      random.pick(sounds.middles) +
      random.pick(feminine ? sounds.womenEndings : sounds.menEndings);
    const family = random.pick(sounds.familyStarts) + random.pick(sounds.familyEndings);
    const name = `${given} ${family}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new RangeError('the name sounds are exhausted');
}

const pseudonymAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A pseudonym in the domain's form (`A-` and six characters without look-alikes), unique in `used`. */
export function inventPseudonym(random: Random, used: Set<string>): string {
  for (;;) {
    let code = 'A-';
    for (let i = 0; i < 6; i++) code += pseudonymAlphabet[random.int(0, pseudonymAlphabet.length - 1)];
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}
