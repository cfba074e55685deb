import {
  findPersonalData,
  idCheckChar,
  personalDataMessage,
} from '../../cloudfunctions/_shared/domain/shared/privacy';
import { checkPersonalData } from '../../cloudfunctions/_shared/domain/notice/disclosure';
import { CLEAN_TEXTS, ID_PROBES, MOBILE_PROBES } from '../support/privacy-probes';

describe('the one personal-data detector [DIS-13]', () => {
  it.each(MOBILE_PROBES)('finds the mobile number in %s [DIS-13]', (t) => {
    expect(findPersonalData(t)).toContain('mobile');
  });
  it.each(ID_PROBES)('finds the ID number in %s [DIS-13]', (t) => {
    expect(findPersonalData(t)).toContain('idNumber');
  });
  it.each(CLEAN_TEXTS)('leaves ordinary numbers alone: %s [DIS-13]', (t) => {
    expect(findPersonalData(t)).toEqual([]);
  });
  it('computes the ISO 7064 MOD 11-2 check character [DIS-13]', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('11010119900307777')).toBe('4');
  });
  it('names what it found in the refusal, notices included [DIS-13]', () => {
    expect(personalDataMessage('电话13812345678，证件110101199003077774')).toBe(
      '公开内容中含有完整的身份证号、手机号，请删除或打码后再发布',
    );
    expect(personalDataMessage('第一支部')).toBeNull();
    expect(checkPersonalData('正文', '１３８ １２３４ ５６７８')).toMatchObject({
      ok: false,
      code: 'CONTENT.PERSONAL_DATA',
      ruleId: 'DIS-13',
    });
  });
});
