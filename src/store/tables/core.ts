/** Tables of the domain records (workspace, conflict, actor, tie, initiative, meeting, ...). Owned by the store. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CoreTables {}
