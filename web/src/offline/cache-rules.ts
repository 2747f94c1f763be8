/**
 * Which API reads the service worker may keep (least data): only a link participant's own reads of their
 * dialogue (sent with their participant token, never a convener's session): the dialogue, its statements
 * and the next statement. Results, people, actors, surveys' convener views and everything else: never.
 */
const PARTICIPANT_READS = /^\/api\/dialogues\/[^/]+(?:\/statements|\/next)?$/;

export function isParticipantRead(method: string, pathname: string, hasParticipantToken: boolean): boolean {
  return method === 'GET' && hasParticipantToken && PARTICIPANT_READS.test(pathname);
}
