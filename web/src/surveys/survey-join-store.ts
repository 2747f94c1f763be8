/**
 * What a respondent who joined a survey by its open link keeps on this device, per survey: their answer
 * link (token and wave; it never leaves the device but to the server) and the side they gave. Coming back
 * by the same link, the device hands the token back and finds the same respondent, for this wave or the next.
 */
export interface SurveyJoinedHere {
  surveyId: string;
  waveId: string;
  token: string;
  side: string | null;
}

const key = (surveyId: string) => `tracktwo.survey.${surveyId}`;

export function readSurveyJoined(surveyId: string): SurveyJoinedHere | null {
  try {
    const raw = window.localStorage.getItem(key(surveyId));
    if (!raw) return null;
    const value = JSON.parse(raw) as SurveyJoinedHere;
    return typeof value.token === 'string' && typeof value.waveId === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function writeSurveyJoined(joined: SurveyJoinedHere): void {
  try {
    window.localStorage.setItem(key(joined.surveyId), JSON.stringify(joined));
  } catch {
    // Storage can be disabled (private mode): the answer link then lasts as long as the page.
  }
}
