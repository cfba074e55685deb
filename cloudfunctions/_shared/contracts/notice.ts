import { z } from 'zod';
import { STAGES } from '../domain/notice/disclosure';
import { AUDIENCES, MATTER_KINDS } from '../domain/notice/rules';
import { calendarDate, id, publicText, text, year, fileRef } from './common';

const attachment = z.object({ fileId: fileRef, name: publicText(80) }).strict();

export const noticeContract = {
  publish: {
    input: z
      .object({
        orgId: id,
        category: publicText(20),
        title: publicText(60),
        body: publicText(5000),
        attachments: z.array(attachment).max(10).optional(),
        matterId: id.optional(),
        stage: z.enum(STAGES).optional(),
        expiresOn: calendarDate.optional(),
        matterKind: z.enum(MATTER_KINDS).optional(),
        audience: z.enum(AUDIENCES).optional(),
        activityId: id.optional(),
      })
      .strict()
      .refine((v) => !v.matterId || !!v.stage, {
        message: '关联事项时须选择公开阶段',
        path: ['stage'],
      }),
  },
  update: {
    input: z
      .object({
        id,
        title: publicText(60).optional(),
        body: publicText(5000).optional(),
        attachments: z.array(attachment).max(10).optional(),
        reason: publicText(200).optional(),
      })
      .strict(),
  },
  list: { input: z.object({ orgId: id, category: text(20).optional() }).strict() },
  get: { input: z.object({ id }).strict() },
  readers: { input: z.object({ id }).strict() },
  remindUnread: { input: z.object({ id }).strict() },
  status: { input: z.object({ orgId: id }).strict() },
  approvePublic: { input: z.object({ id }).strict() },
  publishResults: { input: z.object({ orgId: id, kind: z.enum(['points']), year }).strict() },
} as const;

type RuleAlert = { ruleId: string; level: 'info' | 'warning' | 'alert'; message: string };
type Audience = (typeof AUDIENCES)[number];

type In<K extends keyof typeof noticeContract> = z.input<(typeof noticeContract)[K]['input']>;

export type NoticeOut = {
  id: string;
  orgId: string;
  category: string;
  title: string;
  body: string;
  attachments: { fileId: string; name: string }[];
  version: number;
  history: { version: number; title: string; editedAt: string }[];
  publishedAt: string;
  updatedAt: string;
  matterId: string | null;
  stage: string | null;
  timeline: { id: string; stage: string; title: string; publishedAt: string }[];
  read: boolean;
  /** Who it is for [DIS-12]; a public item awaiting the 书记's approval says so. */
  audience: Audience;
  awaitingApproval: boolean;
  expiresOn: string | null;
  /** The 三会一课 record it posts [DIS-16]. */
  activityId: string | null;
};

type Published = {
  id: string;
  /** The 公示's last day [DIS-10]. */
  expiresOn: string | null;
  alerts: RuleAlert[];
  audience: Audience;
  awaitingApproval: boolean;
};

export type NoticeApi = {
  publish: { input: In<'publish'>; output: Published };
  update: { input: In<'update'>; output: { id: string; version: number } };
  list: {
    input: In<'list'>;
    output: {
      id: string;
      category: string;
      title: string;
      publishedAt: string;
      updatedAt: string;
      version: number;
      stage: string | null;
      /** The five-stage matter it belongs to [DIS-03]; null for a single notice. */
      matterId: string | null;
      read: boolean;
      audience: Audience;
      awaitingApproval: boolean;
    }[];
  };
  get: { input: In<'get'>; output: NoticeOut };
  readers: {
    input: In<'readers'>;
    output: {
      read: { memberId: string; name: string; at: string }[];
      unread: { memberId: string; name: string }[];
    };
  };
  remindUnread: {
    input: In<'remindUnread'>;
    /**
     * sent now; unread members without a grant left; sends WeChat refused (their grant is kept,
     * a later reminder tries again). Members reminded before are in none of these.
     */
    output: { sent: number; noConsent: number; failed: number };
  };
  status: {
    input: In<'status'>;
    output: {
      categories: string[];
      lastUpdatedAt: string | null;
      days: number | null;
      alert: string | null;
      maintainer: string | null;
    };
  };
  /** The 书记 (or 副书记) approves a public item [DIS-12]. */
  approvePublic: { input: In<'approvePublic'>; output: { id: string; audience: Audience } };
  /** A result published through the same channel [DIS-11]: the year's points (PTS-21). */
  publishResults: { input: In<'publishResults'>; output: Published };
};

/** What an action of `notice` answers. */
export type NoticeOutput<K extends keyof NoticeApi> = NoticeApi[K]['output'];
