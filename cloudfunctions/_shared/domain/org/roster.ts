/**
 * The same person twice is an error, not a duplicate record: a person is identified within an
 * org by name and birth date (or, without a birth date, by name and 入党 date).
 */
export function personKey(
  orgId: string,
  p: { name: string; birthDate?: string; joinedAt: string },
): string {
  const name = p.name.replace(/\s+/g, '');
  return p.birthDate ? `${orgId}|${name}|b${p.birthDate}` : `${orgId}|${name}|j${p.joinedAt}`;
}
