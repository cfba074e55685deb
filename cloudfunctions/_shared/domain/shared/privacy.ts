/**
 * One mask pattern everywhere [PRIV-03, PRIV-04]: phones as 138****1234, ID numbers as the last
 * four characters only [PRIV-02]. Detection of full numbers in free text feeds CONTENT.PERSONAL_DATA.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return `${'*'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}`;
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export type PersonalDataKind = 'mobile' | 'idNumber';

/*
 * THE detector of full personal numbers in free text others will read [DIS-13, PRIV-02, PRIV-03].
 * The text is first folded by NFKC (fullwidth digits, ＋, Ｘ, （）, the ideographic space become
 * their ASCII forms), then searched for:
 * - an 11-digit mainland mobile number 1[3-9]…, written whole or grouped 3-4-4 with a space, dash
 *   or dot, or with every digit apart by the same separator, and optionally behind +86 / 0086 / 86;
 * - an 18-character ID number: a region code, a real birth date (1900–2099) and three digits,
 *   then the check character, grouped 6-8-4 or whole. A run whose ISO 7064 MOD 11-2 check
 *   character is right counts whatever its date part says; a wrong check character does not
 *   clear a run that has the shape of an ID (a mistyped number still points at a person);
 * - a 15-digit ID number of the old form (region, YYMMDD, three digits).
 * Digits next to more digits never count, so amounts, dates (20261201) and codes stay free.
 */
const SEP = String.raw`[ \t\-‐‑‒–—―.·•]`;
const DATE8 = String.raw`(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`;
const PREFIX = String.raw`(?:[(]?(?:\+|00)?86[)]?${SEP}?)`;
const MOBILE_IN_TEXT = new RegExp(
  String.raw`(?<!\d)${PREFIX}?(?:1[3-9]\d${SEP}?\d{4}${SEP}?\d{4}|1(${SEP})[3-9](?:\1\d){9})(?!\d)`,
);
const ID18_SHAPE = new RegExp(
  String.raw`(?<!\d)[1-9]\d{5}${SEP}?${DATE8}${SEP}?\d{3}[\dX](?![\dX])`,
  'i',
);
const ID18_RUN = /(?<!\d)\d{17}[\dX](?![\dX])/gi;
const ID15 = /(?<!\d)[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The ISO 7064 MOD 11-2 check character of an ID number's first 17 digits. */
export function idCheckChar(first17: string): string {
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11];
}

/**
 * The text with every run of separators between two digits taken out (spaces of any width, new
 * lines, dashes, dots, slashes, underscores, commas, zero-width characters), so a number written
 * 138  1234  5678, 1381 234 5678 or 110101 1990 0307 7774 reads as the number it is.
 */
const INVISIBLE = /[\p{Cf}]/gu;
const BETWEEN_DIGITS = /(\d)[\s\p{Pd}._/,，、·•]+(?=\d)/gu;
const collapse = (t: string) => t.replace(INVISIBLE, '').replace(BETWEEN_DIGITS, '$1');
const MOBILE_WHOLE = /(?<!\d)(?:(?:\+|00)?86)?1[3-9]\d{9}(?!\d)/;

const hasId18 = (t: string) =>
  [...t.matchAll(ID18_RUN)].some(
    (m) => idCheckChar(m[0].slice(0, 17)) === m[0][17].toUpperCase(),
  ) || ID18_SHAPE.test(t);

/** Which kinds of full personal numbers a text contains. */
export function findPersonalData(text: string): PersonalDataKind[] {
  const t = text.normalize('NFKC');
  const joined = collapse(t);
  const found: PersonalDataKind[] = [];
  if (hasId18(t) || ID15.test(t) || hasId18(joined)) found.push('idNumber');
  if (MOBILE_IN_TEXT.test(t) || MOBILE_WHOLE.test(joined)) found.push('mobile');
  return found;
}

/** The DIS-13 refusal in words, naming what was found; null when the texts are clear. */
export function personalDataMessage(...texts: string[]): string | null {
  const found = new Set(texts.flatMap((t) => findPersonalData(t)));
  if (found.size === 0) return null;
  const what = (['idNumber', 'mobile'] as const)
    .filter((k) => found.has(k))
    .map((k) => (k === 'idNumber' ? '身份证号' : '手机号'))
    .join('、');
  return `公开内容中含有完整的${what}，请删除或打码后再发布`;
}
