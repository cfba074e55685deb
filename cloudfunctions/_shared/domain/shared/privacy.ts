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
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

/** Which kinds of full personal numbers a text contains. */
export function findPersonalData(text: string): ('mobile' | 'idNumber')[] {
  const found: ('mobile' | 'idNumber')[] = [];
  if (ID_IN_TEXT.test(text)) found.push('idNumber');
  if (MOBILE_IN_TEXT.test(text)) found.push('mobile');
  return found;
}
