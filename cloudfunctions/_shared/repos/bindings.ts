import { collection, Tx } from './db';

/** One binding per WeChat identity: `_id` is the OPENID, so a second binding cannot exist [CHK-08]. */
export interface BindingDoc {
  _id: string;
  memberId: string;
  boundAt: Date;
}

const bindings = collection<BindingDoc>('bindings');

export const findBinding = (openid: string) => bindings.byId(openid);

/** Records a binding; false when this OPENID is already bound (to anyone). */
export const insertBinding = (doc: BindingDoc) => bindings.insertOnce(doc);

/** Takes back a binding that lost its race for the member (nothing else removes one). */
export async function removeBinding(openid: string, memberId: string): Promise<void> {
  await bindings.ref().where({ _id: openid, memberId }).remove();
}

/** Removes the binding of an OPENID inside a transaction (a member transferred out, PRIV-20). */
export async function removeBindingIn(openid: string, tx: Tx): Promise<void> {
  await bindings.ref(tx).doc(openid).remove();
}
