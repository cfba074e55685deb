import type { SubscriptionMessage } from '../ports';
import { collection } from './db';

/** A subscription message the local messenger "sent" (the emulator's outbox; never in production). */
export interface OutboxDoc extends SubscriptionMessage {
  _id: string;
  sentAt: Date;
}

const outbox = collection<OutboxDoc>('outbox');

export const recordSent = (message: SubscriptionMessage, sentAt: Date) =>
  outbox.add({ ...message, sentAt });
