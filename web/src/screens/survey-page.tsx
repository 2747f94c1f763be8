import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiGet, type CallInit } from '../api/client.js';
import { QrCode } from '../components/qr-code.js';
import { actorLabel } from '../api/names.js';
import { itemsOf, oneOf, type Actor, type Meeting } from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import {
  ErrorSummary,
  SelectField,
  TextField,
  hasErrors,
  isIsoDate,
  type FieldErrors,
} from '../components/form.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { FacilitatorEntry } from '../surveys/facilitator-entry.js';
import { surveyWaves } from '../../../src/domain/survey-values.js';
import { SurveyJoinLink } from '../surveys/survey-join-link.js';
import { SurveyTranslations } from '../surveys/survey-translations.js';
import { useResource } from '../use-resource.js';
import type { SurveyWaveKind } from '../../../src/domain/survey.js';
import { genders } from '../../../src/domain/vocabulary-lists.js';
import type { IssuedLink, RespondentStatus, SurveyDetail } from '../../../src/domain/survey-results.js';
import { useFormSubmit } from '../components/form-submit.js';
import { labelOf } from '../i18n/labels.js';
import { day } from '../i18n/format.js';
import { navigate } from '../router.js';
import { useInitiativeCan } from '../permissions.js';
import { SurveySettings, WaveRow } from '../surveys/survey-edit.js';

type NamedActor = Actor & Record<string, unknown>;

function AddWave({
  survey,
  initiativeId,
  onAdded,
}: {
  survey: SurveyDetail;
  initiativeId: string;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const meetings = useResource('/api/initiatives/{id}/meetings', {
    params: { path: { id: initiativeId }, query: { limit: 500 } },
  });
  const taken = new Set(survey.waves.map((wave) => wave.kind));
  const [kind, setKind] = useState<string>(surveyWaves.find((entry) => !taken.has(entry)) ?? 'baseline');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [afterMeeting, setAfterMeeting] = useState('');
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const date = (value: string) =>
      !value ? t('common.required') : !isIsoDate(value) ? t('common.invalidDate') : undefined;
    const found: FieldErrors = {
      opensOn: date(opensOn),
      closesOn: date(closesOn) ?? (closesOn < opensOn ? t('surveys.closesBeforeOpens') : undefined),
    };
    await save(found, async () => {
      await api.post('/api/surveys/{id}/waves', {
        params: { path: { id: survey.id } },
        body: {
          kind: kind as SurveyWaveKind,
          opens_on: opensOn,
          closes_on: closesOn,
          after_meeting_id: afterMeeting || null,
        },
      });
      setOpensOn('');
      setClosesOn('');
      onAdded();
    });
  }

  const meetingOptions = meetings.state === 'ready' ? itemsOf<Meeting>(meetings.data) : [];
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('surveys.addWave')}</h3>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      <div className="form-grid">
        <SelectField
          label={t('surveys.waveKind')}
          value={kind}
          onChange={setKind}
          options={surveyWaves.map((value) => ({ value, label: t(`surveys.waves.${value}`) }))}
        />
        <TextField
          label={t('surveys.opensOn')}
          type="date"
          value={opensOn}
          onChange={setOpensOn}
          error={errors.opensOn}
        />
        <TextField
          label={t('surveys.closesOn')}
          type="date"
          value={closesOn}
          onChange={setClosesOn}
          error={errors.closesOn}
        />
        <SelectField
          label={t('surveys.afterMeeting')}
          value={afterMeeting}
          onChange={setAfterMeeting}
          options={[
            { value: '', label: t('common.none') },
            ...meetingOptions.map((meeting) => ({
              value: meeting.id,
              label: `${day(meeting.held_on)} ${meeting.title}`,
            })),
          ]}
        />
      </div>
      {failure !== null && <ErrorMessage error={failure} />}
      <button type="submit" disabled={busy}>
        {t('surveys.addWave')}
      </button>
    </form>
  );
}

function AddRespondents({
  survey,
  conflictId,
  respondents,
  onAdded,
}: {
  survey: SurveyDetail;
  conflictId: string | null;
  respondents: readonly RespondentStatus[];
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const actors = useResource(
    conflictId
      ? apiGet('/api/conflicts/{id}/actors', {
          params: { path: { id: conflictId }, query: { limit: 500, kind: 'person' } },
        })
      : null,
  );
  const already = new Set(respondents.map((entry) => entry.actor_id));
  const [chosen, setChosen] = useState<string[]>([]);
  const [pseudonym, setPseudonym] = useState('');
  const [side, setSide] = useState('');
  const [gender, setGender] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);

  async function send(body: CallInit<'post', '/api/surveys/{id}/respondents'>['body']) {
    setFailure(null);
    try {
      await api.post('/api/surveys/{id}/respondents', { params: { path: { id: survey.id } }, body });
      onAdded();
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    }
  }

  async function addParticipants(event: FormEvent) {
    event.preventDefault();
    const found = { participants: chosen.length ? undefined : t('surveys.chooseActors') };
    setErrors(found);
    if (hasErrors(found)) return;
    if (await send({ respondents: chosen.map((actor_id) => ({ arm: 'participant', actor_id })) }))
      setChosen([]);
  }

  async function addComparison(event: FormEvent) {
    event.preventDefault();
    const found = {
      pseudonym: /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/.test(pseudonym.trim())
        ? undefined
        : t('surveys.pseudonymRule'),
    };
    setErrors(found);
    if (hasErrors(found)) return;
    const ok = await send({
      respondents: [
        {
          arm: 'comparison',
          pseudonym: pseudonym.trim(),
          side: side.trim() || null,
          gender: oneOf(genders, gender) ?? null,
        },
      ],
    });
    if (ok) setPseudonym('');
  }

  const options =
    actors.state === 'ready' ? itemsOf<NamedActor>(actors.data).filter((a) => !already.has(a.id)) : [];
  return (
    <div className="form-grid">
      <form onSubmit={addParticipants} noValidate>
        <h3>{t('surveys.addParticipants')}</h3>
        <div className={errors.participants ? 'field field-invalid' : 'field'}>
          <label htmlFor="survey-participants">{t('surveys.participants')}</label>
          <p className="hint">{t('meetings.recipientsHint')}</p>
          <select
            id="survey-participants"
            multiple
            size={6}
            value={chosen}
            onChange={(event) => setChosen([...event.target.selectedOptions].map((option) => option.value))}
          >
            {options.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actorLabel(actor)}
              </option>
            ))}
          </select>
          {errors.participants && <p className="field-error">{errors.participants}</p>}
        </div>
        <button type="submit">{t('surveys.addParticipantsButton')}</button>
      </form>
      <form onSubmit={addComparison} noValidate>
        <h3>{t('surveys.addComparison')}</h3>
        <TextField
          label={t('surveys.comparisonPseudonym')}
          hint={t('surveys.pseudonymRule')}
          value={pseudonym}
          onChange={setPseudonym}
          error={errors.pseudonym}
        />
        <TextField label={t('surveys.comparisonSide')} value={side} onChange={setSide} />
        <SelectField
          label={t('actors.gender')}
          value={gender}
          onChange={setGender}
          options={[
            { value: '', label: t('common.none') },
            ...genders.map((value) => ({ value, label: t(`actors.genders.${value}`) })),
          ]}
        />
        <button type="submit">{t('surveys.addComparisonButton')}</button>
      </form>
      {failure !== null && <ErrorMessage error={failure} />}
    </div>
  );
}

function AnswerLinks({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const [waveId, setWaveId] = useState(survey.waves[0]?.id ?? '');
  const [links, setLinks] = useState<IssuedLink[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (!survey.waves.length) return null;
  async function issue() {
    setFailure(null);
    try {
      const issued = await api.post('/api/surveys/{id}/waves/{waveId}/links', {
        params: { path: { id: survey.id, waveId } },
        body: {},
      });
      setLinks(issued.items);
    } catch (error) {
      setFailure(error);
    }
  }
  // Answer links open the light participant page (web/p/index.html), not this app.
  const base = `${window.location.origin}/p/`;
  return (
    <>
      <h2>{t('surveys.links')}</h2>
      <p className="hint">{t('surveys.linksHint')}</p>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('surveys.wave')}
          value={waveId}
          onChange={(value) => {
            setWaveId(value);
            setLinks(null);
          }}
          options={survey.waves.map((wave) => ({ value: wave.id, label: t(`surveys.waves.${wave.kind}`) }))}
        />
        <button type="button" onClick={() => void issue()}>
          {t('surveys.issueLinks')}
        </button>
      </form>
      {failure !== null && <ErrorMessage error={failure} />}
      {links && (
        <>
          <p className="notice">{t('surveys.linksOnce')}</p>
          <button type="button" onClick={() => window.print()}>
            {t('invite.print')}
          </button>
          <div className="table-wrap">
            <table className="survey-links">
              <thead>
                <tr>
                  <th scope="col">{t('surveys.respondent')}</th>
                  <th scope="col">{t('surveys.link')}</th>
                  <th scope="col">{t('surveys.linkQr')}</th>
                </tr>
              </thead>
              <tbody>
                {links.map((link) => (
                  <tr key={link.respondent_id}>
                    <td>
                      <bdi>{link.pseudonym}</bdi>
                    </td>
                    <td>
                      <input
                        readOnly
                        aria-label={t('surveys.linkFor', { respondent: link.pseudonym })}
                        value={`${base}#/answer/${survey.id}/${waveId}/${link.token}`}
                        onFocus={(event) => event.target.select()}
                      />
                    </td>
                    <td>
                      <QrCode
                        text={`${base}#/answer/${survey.id}/${waveId}/${link.token}`}
                        label={`${t('surveys.linkQr')}: ${link.pseudonym}`}
                        size={96}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** One survey: its waves, respondents, answer links, and answers entered on a respondent's behalf. */
export default function SurveyPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId, surveyId } = params;
  const survey = useResource('/api/surveys/{id}', { params: { path: { id: surveyId } } });
  const respondents = useResource('/api/surveys/{id}/respondents', { params: { path: { id: surveyId } } });
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  const conflictId = initiative.state === 'ready' ? initiative.data.conflict_id : null;
  const mayManage = useInitiativeCan(initiativeId)('surveys.manage');
  // While the list reloads after an entry, the forms below keep showing (and keep their notices).
  const [shown, setShown] = useState<{ items: RespondentStatus[] } | null>(null);
  useEffect(() => {
    if (respondents.state === 'ready') setShown(respondents.data);
  }, [respondents.state, respondents.data]);
  const respondentsShown =
    shown && respondents.state !== 'error'
      ? { ...respondents, state: 'ready' as const, data: shown, error: undefined }
      : respondents;

  return (
    <section>
      <Breadcrumbs
        trail={[
          { to: `/i/${initiativeId}`, label: t('nav.initiative') },
          { to: `/i/${initiativeId}/surveys`, label: t('surveys.title') },
          { to: `/i/${initiativeId}/evidence`, label: t('nav.evidence') },
        ]}
      />
      <Loaded resource={survey}>
        {(data) => (
          <>
            <h1 dir="auto">{data.title}</h1>
            <dl className="facts">
              <dt>{t('surveys.instruments')}</dt>
              <dd>
                {data.instruments
                  .map((instrument) =>
                    t(`surveys.instrumentNames.${instrument.id}`, { defaultValue: instrument.name.en }),
                  )
                  .join('; ')}
              </dd>
              <dt>{t('surveys.outGroupsList')}</dt>
              <dd>{data.out_groups.join('; ')}</dd>
              <dt>{t('surveys.languages')}</dt>
              <dd>{data.languages.map((code) => t(`surveys.languageNames.${code}`)).join('; ')}</dd>
            </dl>
            {mayManage && (
              <SurveySettings
                key={`${data.title}\n${data.out_groups.join('\n')}`}
                survey={data}
                onSaved={survey.reload}
                onDeleted={() => navigate(`/i/${initiativeId}/surveys`)}
              />
            )}

            <h2>{t('surveys.wavesTitle')}</h2>
            {data.waves.length === 0 ? (
              <Empty>{t('surveys.noWaves')}</Empty>
            ) : (
              <div className="table-wrap">
                <table className="survey-waves">
                  <thead>
                    <tr>
                      <th scope="col">{t('surveys.waveKind')}</th>
                      <th scope="col">{t('surveys.opensOn')}</th>
                      <th scope="col">{t('surveys.closesOn')}</th>
                      {mayManage && <th scope="col">{t('surveyEdit.actions')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {data.waves.map((wave) => (
                      <WaveRow
                        key={`${wave.id}:${wave.opens_on}:${wave.closes_on}`}
                        survey={data}
                        wave={wave}
                        mayManage={mayManage}
                        onChanged={survey.reload}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <AddWave survey={data} initiativeId={initiativeId} onAdded={survey.reload} />
            <SurveyJoinLink surveyId={data.id} initiativeId={initiativeId} />
            <SurveyTranslations surveyId={data.id} />

            <h2>{t('surveys.respondents')}</h2>
            <Loaded resource={respondentsShown}>
              {(payload) => (
                <>
                  {payload.items.length === 0 ? (
                    <Empty>{t('surveys.noRespondents')}</Empty>
                  ) : (
                    <div className="table-wrap">
                      <table className="survey-respondents">
                        <thead>
                          <tr>
                            <th scope="col">{t('actors.pseudonym')}</th>
                            <th scope="col">{t('surveys.arm')}</th>
                            <th scope="col">{t('surveys.answered')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {payload.items.map((entry) => (
                            <tr key={entry.id}>
                              <td>
                                <bdi>{entry.pseudonym}</bdi>
                              </td>
                              <td>{t(`surveys.arms.${entry.arm}`)}</td>
                              <td>
                                {entry.answered.map((kind) => labelOf(t, 'surveys.waves', kind)).join(', ') ||
                                  t('common.none')}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                  <AddRespondents
                    survey={data}
                    conflictId={conflictId}
                    respondents={payload.items}
                    onAdded={respondents.reload}
                  />
                  <AnswerLinks survey={data} />
                  <h2>{t('surveys.entry')}</h2>
                  <p className="hint">{t('surveys.entryHint')}</p>
                  <FacilitatorEntry
                    key={`${data.waves.length}:${payload.items.length > 0}`}
                    survey={data}
                    respondents={payload.items}
                    onSaved={respondents.reload}
                  />
                </>
              )}
            </Loaded>
          </>
        )}
      </Loaded>
    </section>
  );
}
