/**
 * Rows of a listing, made safe to show (D12): one bad row never breaks a listing. Nulls are
 * dropped, a number where the wire types declare text becomes its digits, and a row without a
 * usable id is left out (and counted, so the client can say so once per answer).
 */
import { isUsableId } from './validate';

/** The id field of each listing's rows, by the name of the list in the answer. */
const ROW_IDS: Readonly<Record<string, string>> = {
  albumList: 'id',
  contentList: 'id',
  folders: 'id',
  userGroupMemberInfos: 'userId',
  details: 'inviteId',
};

/** Fields the wire types declare as text (ids, names, times, phone numbers). */
const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'id', 'groupId', 'ownerId', 'creator', 'modifier', 'inviteId', 'userId', 'containerId', 'shareFolderId', 'shareFolderFileId', 'fileId', 'albumId', 'tenantId',
  'name', 'coverImg', 'fileName', 'title', 'userName', 'mobile', 'inviterPhone', 'inviteePhone', 'shareFolderName',
  'takeTime', 'createTime', 'updateTime', 'createdTime', 'updatedTime', 'expireTime',
]);

/** The id field of the rows of list `name`, or undefined for a list that is not a listing. */
export function rowIdField(name: string): string | undefined {
  return ROW_IDS[name];
}

/**
 * Cleans `row` in place: null fields removed, text fields holding a finite number turned into
 * its digits, text fields holding anything else removed. Returns whether `row[idField]` is then
 * a usable id.
 */
export function cleanRow(row: Record<string, unknown>, idField: string): boolean {
  for (const key in row) {
    const value = row[key];
    if (value === null) {
      delete row[key];
    } else if (typeof value !== 'string' && TEXT_FIELDS.has(key)) {
      if (typeof value === 'number' && Number.isFinite(value)) {
        row[key] = String(value);
      } else {
        delete row[key];
      }
    }
  }
  return isUsableId(row[idField]);
}

/** "2 rows without an id were left out", "1 row without a userId was left out". */
export function leftOutText(count: number, idField: string): string {
  const what = idField === 'id' ? 'an id' : `a ${idField}`;
  return count === 1 ? `1 row without ${what} was left out` : `${count} rows without ${what} were left out`;
}
