// 新建下级组织: the superior creates an org below one it administers [org.createOrg]: its name,
// kind (党支部、党总支、党小组…), sector (机关、农村…), the local rules it follows and the day its
// term began. The backend checks the rest and its message is shown as it says it.
import { createOrg, fetchOrgTree } from '../../../services/org';
import { canAnywhere, orgsWith } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { toast } from '../../../utils/platform';
import {
  CATEGORY_CHOICES,
  KIND_CHOICES,
  PROFILE_CHOICES,
  parentChoices,
  type OrgKindKey,
  type ProfileKey,
} from './view';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<object, object, D>;

definePage({
  data: {
    parents: [] as { id: string; name: string }[],
    kinds: KIND_CHOICES,
    categories: CATEGORY_CHOICES,
    profiles: PROFILE_CHOICES,
    parentId: '',
    name: '',
    kind: 'branch' as OrgKindKey,
    category: '',
    profile: 'default' as ProfileKey,
    termStart: '',
    message: '',
    created: '',
  },
  async load(me) {
    if (!canAnywhere(me, 'org.administer')) return this.empty('下级组织由上级党组织新建');
    const tree = await fetchOrgTree();
    const parents = parentChoices(tree, orgsWith(me, 'org.administer'));
    if (!parents.length) return this.empty('下级组织由上级党组织新建');
    const keep = parents.some((p) => p.id === this.data.parentId);
    this.setData({ parents, parentId: keep ? this.data.parentId : parents[0].id });
  },
  methods: {
    onParent(e: Tap<{ id: string }>) {
      this.setData({ parentId: e.currentTarget.dataset.id, message: '' });
    },
    onName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ name: e.detail.value, message: '' });
    },
    onKind(e: Tap<{ value: OrgKindKey }>) {
      this.setData({ kind: e.currentTarget.dataset.value, message: '' });
    },
    onCategory(e: Tap<{ value: string }>) {
      this.setData({ category: e.currentTarget.dataset.value, message: '' });
    },
    onProfile(e: Tap<{ value: ProfileKey }>) {
      this.setData({ profile: e.currentTarget.dataset.value, message: '' });
    },
    onTermStart(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ termStart: e.detail.value, message: '' });
    },
    async onSubmit() {
      const { parentId, kind, category, profile, termStart } = this.data;
      const name = this.data.name.trim();
      const missing = [!name && '名称', !category && '类别', !termStart && '任期开始日期'].filter(
        Boolean,
      );
      if (missing.length) return this.setData({ message: `请填写${missing.join('、')}` });
      await this.run(async () => {
        await createOrg({ parentId, name, kind, category, profile, termStart });
        const kindText = KIND_CHOICES.find((k) => k.value === kind)?.label ?? '';
        this.setData({ created: `已新建${kindText}：${name}`, name: '', termStart: '' });
        toast('已新建', 'success');
      }, 'message');
    },
  },
});
