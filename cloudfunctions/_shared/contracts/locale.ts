import { z } from 'zod';
import { labelOf } from './labels';

// The fallback for messages nothing below words (zod's own Chinese locale).
z.config(z.locales.zhCN());

/**
 * Validation messages a member reads: Chinese, naming the field by its label (labels.ts), with no
 * type names, no English and no symbols like `>=` ("请填写请假原因", "活动开始时间格式不对").
 * The handler parses with `parseContext`, so a schema's own message (a refinement's) stays, and
 * every other issue is marked to be worded here from its code and bounds.
 */
const UNWORDED = '\u0000';
const MISSING = '\u0000missing';

export const parseContext = {
  error: (iss: { code?: string; input?: unknown }) =>
    iss.code === 'invalid_type' && iss.input === undefined ? MISSING : UNWORDED,
};

type Issue = z.core.$ZodIssue;

export function wordIssue(fnAction: string, issue: Issue): string {
  const label = labelOf(fnAction, issue.path);
  if (issue.message === MISSING) return `请填写${label}`;
  if (issue.message !== UNWORDED && issue.code !== 'unrecognized_keys') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return `${label}应填写整数`;
      if (issue.expected === 'number' || issue.expected === 'bigint') return `${label}应填写数字`;
      if (issue.expected === 'boolean') return `${label}应选择“是”或“否”`;
      if (issue.expected === 'string') return `${label}应填写文字`;
      return `${label}的格式不对`;
    case 'too_small':
      return tooSmall(label, issue);
    case 'too_big':
      return tooBig(label, issue);
    case 'invalid_value':
      return `${label}不在可选的范围内，请重新选择`;
    case 'unrecognized_keys':
      return '填写的内容中有系统不认识的项目，请去掉后重试';
    case 'custom':
      return issue.params?.format ? `${label}格式不对` : `${label}填写得不对，请检查后重试`;
    case 'invalid_format':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return `${label}格式不对`;
    default:
      return `${label}填写得不对，请检查后重试`;
  }
}

function tooSmall(label: string, i: Extract<Issue, { code: 'too_small' }>): string {
  const min = Number(i.minimum);
  if (i.origin === 'string') return min <= 1 ? `请填写${label}` : `${label}至少要写${min}个字`;
  if (i.origin === 'array' || i.origin === 'set')
    return min <= 1 ? `请至少填写一项${label}` : `${label}至少要有${min}项`;
  if (i.origin === 'number' || i.origin === 'int' || i.origin === 'bigint')
    return i.inclusive === false ? `${label}应大于${min}` : `${label}不能小于${min}`;
  return `${label}太少了`;
}

function tooBig(label: string, i: Extract<Issue, { code: 'too_big' }>): string {
  const max = Number(i.maximum);
  if (i.origin === 'string') return `${label}太长了，最多${max}个字`;
  if (i.origin === 'array' || i.origin === 'set') return `${label}最多${max}项`;
  if (i.origin === 'number' || i.origin === 'int' || i.origin === 'bigint')
    return i.inclusive === false ? `${label}应小于${max}` : `${label}不能大于${max}`;
  return `${label}太多了`;
}
