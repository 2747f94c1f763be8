/** Tables of accounts, sessions, roles, the identity vault and the audit chain. Owned by security. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SecurityTables {}
