/** One source of truth for every id the manifest and the code share. */

export const CommandId = {
  signIn: 'koodrive.signIn',
  signOut: 'koodrive.signOut',
  addAccount: 'koodrive.addAccount',
  switchAccount: 'koodrive.switchAccount',
  refresh: 'koodrive.refresh',
  refreshNode: 'koodrive.refreshNode',
  filterSharedFolders: 'koodrive.filterSharedFolders',
  clearSharedFolderFilter: 'koodrive.clearSharedFolderFilter',
  removeFromAlbum: 'koodrive.removeFromAlbum',
  deleteSharedFolder: 'koodrive.deleteSharedFolder',
  copyId: 'koodrive.copyId',
  showDetails: 'koodrive.showDetails',
  showLog: 'koodrive.showLog',
  openSettings: 'koodrive.openSettings',
  loadMore: 'koodrive.loadMore',
  retryLoad: 'koodrive.retryLoad',
  statusBarClick: 'koodrive.statusBarClick',
  openPreview: 'koodrive.openPreview',
  removeAllFromAlbum: 'koodrive.removeAllFromAlbum',
  filterItems: 'koodrive.filterItems',
  clearItemFilter: 'koodrive.clearItemFilter',
  sortItems: 'koodrive.sortItems',
  createAlbum: 'koodrive.createAlbum',
  renameAlbum: 'koodrive.renameAlbum',
  deleteAlbum: 'koodrive.deleteAlbum',
  addToAlbum: 'koodrive.addToAlbum',
  moveToAlbum: 'koodrive.moveToAlbum',
  createSharedFolder: 'koodrive.createSharedFolder',
  renameSharedFolder: 'koodrive.renameSharedFolder',
  inviteMember: 'koodrive.inviteMember',
  removeMember: 'koodrive.removeMember',
  leaveSharedFolder: 'koodrive.leaveSharedFolder',
  acceptInvitation: 'koodrive.acceptInvitation',
  rejectInvitation: 'koodrive.rejectInvitation',
  showStorage: 'koodrive.showStorage',
  download: 'koodrive.download',
} as const;
export type CommandId = (typeof CommandId)[keyof typeof CommandId];

export const ViewId = {
  container: 'koodrive',
  albums: 'koodrive.albums',
  sharedFolders: 'koodrive.sharedFolders',
} as const;

export const ContextKey = {
  signedIn: 'koodrive.signedIn',
  /** Some account is signed in on this computer (on any server): the welcome offers to switch to it. */
  hasAccounts: 'koodrive.hasAccounts',
  sharedFolderFilterActive: 'koodrive.sharedFolderFilterActive',
  itemFilterActive: 'koodrive.itemFilterActive',
} as const;

export const SettingSection = 'koodrive';
export const SettingKey = {
  userId: 'userId',
  endpoint: 'endpoint',
  language: 'language',
  pageSize: 'pageSize',
  deleteConfirmation: 'deleteConfirmation',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
} as const;
export type SettingKey = (typeof SettingKey)[keyof typeof SettingKey];

/** URI scheme of the read-only documents (Show Details, failure reports). */
export const DetailsScheme = 'koodrive-details';

/** URI scheme of album items opened in VS Code's own editors (Open Preview), read-only. */
export const PreviewScheme = 'koodrive';

/** workspaceState key of the album-content order (Sort). */
export const StateKey = {
  contentSort: 'koodrive.contentSort',
  /** globalState: the folder the last download went to, offered first next time. */
  downloadFolder: 'koodrive.downloadFolder',
} as const;

export const ExtensionId = 'koodrive-tools.koodrive';
