/**
 * Global declarations for the mini-program. Shared app state does not live in globalData
 * (conventions #14): pages fetch what they show, so IAppOption stays deliberately empty.
 */
interface IAppOption {
  globalData: Record<string, never>;
}
