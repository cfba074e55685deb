import { randomBytes } from 'crypto';
import { cloud } from '../repos/db';
import { Ports } from '../ports';
import { sdkFiles } from './sdk-files';

/** Production ports over wx-server-sdk's openapi and storage (permissions in each config.json). */
export function wxPorts(): Ports {
  return {
    clock: { now: () => new Date() },
    identity: {
      openid: () => cloud.getWXContext().OPENID || undefined,
      source: () => cloud.getWXContext().SOURCE || undefined,
    },
    messenger: {
      async send(m) {
        await cloud.openapi.subscribeMessage.send({
          touser: m.touser,
          templateId: m.templateId,
          page: m.page,
          data: m.data,
          miniprogramState: 'formal',
        } as any);
      },
    },
    contentCheck: {
      async check(text, openid) {
        const res: any = await cloud.openapi.security.msgSecCheck({
          content: text,
          version: 2,
          scene: 2,
          openid,
        } as any);
        const suggest = res?.result?.suggest;
        return suggest === 'pass'
          ? { pass: true }
          : { pass: false, reason: res?.result?.label ? `label ${res.result.label}` : suggest };
      },
    },
    codeImages: {
      async unlimited(scene, page) {
        const res: any = await cloud.openapi.wxacode.getUnlimited({
          scene,
          page,
          checkPath: false,
        } as any);
        return Buffer.from(res.buffer);
      },
    },
    files: sdkFiles(),
    mediaCheck: {
      // security.mediaCheckAsync v2; the SDK turns camelCase into media_url/media_type and the
      // answer's trace_id into traceId. The verdict arrives later as the wxa_media_check push.
      async submit({ url, type, openid, scene }) {
        const res: any = await cloud.openapi.security.mediaCheckAsync({
          mediaUrl: url,
          mediaType: type === 'image' ? 2 : 1,
          version: 2,
          scene,
          openid,
        } as any);
        if (!res?.traceId) throw new Error(`mediaCheckAsync: ${res?.errCode} ${res?.errMsg}`);
        return String(res.traceId);
      },
    },
    random: (n) => randomBytes(n),
    secret(name) {
      // Set in the function's environment (CloudBase console → 云函数 → 环境变量).
      const value = process.env[`XFZB_${name.toUpperCase()}_SECRET`];
      if (!value) throw new Error(`missing XFZB_${name.toUpperCase()}_SECRET`);
      return value;
    },
    templateId: (key) =>
      process.env[`XFZB_TEMPLATE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`],
  };
}
