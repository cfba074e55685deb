// The app itself holds no state (conventions #14) and reaches no backend: pages load what
// they show through services/, and services/cloud.ts initialises the transport it uses.
App<IAppOption>({
  globalData: {},
});
