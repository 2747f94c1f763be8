import { useEffect, useState, type FormEvent } from 'react';
import { checkTieDates, checkTieEnds } from '../../../src/domain/tie-checks.js';
import { useTranslation } from 'react-i18next';
import { api, apiGet } from '../api/client.js';
import { itemsOf, type Actor, type Conflict } from '../api/records.js';
import { ActorPicker } from '../components/actor-picker.js';
import { ActorsBreadcrumbs } from '../components/breadcrumbs.js';
import { ErrorSummary, SelectField, TextField, isIsoDate, type FieldErrors } from '../components/form.js';
import { ErrorMessage, Loaded } from '../components/states.js';
import { Link, navigate, splitQuery, usePath } from '../router.js';
import { useResource } from '../use-resource.js';
import type { TieKind, TieSource } from '../../../src/domain/vocabulary.js';
import { tieKinds, tieSources } from '../../../src/domain/vocabulary-lists.js';
import { useFormSubmit } from '../components/form-submit.js';
import { useCan } from '../permissions.js';

type NamedActor = Actor & Record<string, unknown>;

/** A new tie between two actors of a conflict, each end chosen with the type-ahead picker. */
export default function TieForm({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const can = useCan();
  const { workspaceId } = params;
  const presetSource = splitQuery(usePath()).query.get('from') ?? '';
  const conflicts = useResource('/api/workspaces/{id}/conflicts', {
    params: { path: { id: workspaceId }, query: { limit: 500 } },
  });
  const [conflictId, setConflictId] = useState(splitQuery(usePath()).query.get('conflict') ?? '');
  const conflictList = conflicts.state === 'ready' ? itemsOf<Conflict>(conflicts.data) : [];
  const chosenConflict = conflictId || conflictList[0]?.id || '';
  // The actor the form was opened from (?from=) is its first end; the rest are searched by the pickers.
  const preset = useResource(
    presetSource ? apiGet('/api/actors/{id}', { params: { path: { id: presetSource } } }) : null,
  );
  // Its name too, for those who may see names (everyone who may add a tie, but the page asks first).
  const presetConflict = splitQuery(usePath()).query.get('conflict');
  const mayName = !!presetConflict && can('actors.names', { workspaceId, conflictId: presetConflict });
  const presetIdentity = useResource(
    presetSource && mayName
      ? apiGet('/api/actors/{id}/identity', { params: { path: { id: presetSource } } })
      : null,
  );
  const [source, setSource] = useState<NamedActor[]>([]);
  const [target, setTarget] = useState<NamedActor[]>([]);
  const presetActor: NamedActor | null =
    preset.state === 'ready'
      ? {
          ...(preset.data as NamedActor),
          ...(presetIdentity.state === 'ready' ? { identity: presetIdentity.data.identity } : {}),
        }
      : null;
  const presetKey = presetActor ? `${presetActor.id}|${presetIdentity.state}` : '';
  useEffect(() => {
    if (!presetActor) return;
    setConflictId(presetActor.conflict_id);
    setSource([presetActor]);
    // Once per preset actor (and once more when its name arrives): the resource's object is new on every render.
  }, [presetKey]);
  const chooseConflict = (id: string) => {
    setConflictId(id);
    setSource([]);
    setTarget([]);
  };
  const searchNames =
    chosenConflict !== '' && can('actors.names', { workspaceId, conflictId: chosenConflict });
  const sourceId = source[0]?.id ?? '';
  const targetId = target[0]?.id ?? '';
  const [kind, setKind] = useState('knows');
  const [directed, setDirected] = useState('no');
  const [strength, setStrength] = useState('3');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [tieSource, setTieSource] = useState('reported');
  const [confidence, setConfidence] = useState('1');
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const strengthValue = Number(strength);
    const confidenceValue = Number(confidence);
    const found: FieldErrors = {
      source: !sourceId ? t('ties.chooseActor') : undefined,
      target: !targetId
        ? t('ties.chooseActor')
        : checkTieEnds({ source_actor_id: sourceId, target_actor_id: targetId })
          ? t('ties.sameActor')
          : undefined,
      strength:
        !Number.isInteger(strengthValue) || strengthValue < 1 || strengthValue > 5
          ? t('ties.strengthRange')
          : undefined,
      confidence:
        confidence.trim() === '' || !(confidenceValue >= 0 && confidenceValue <= 1)
          ? t('ties.confidenceRange')
          : undefined,
      validFrom: validFrom && !isIsoDate(validFrom) ? t('common.invalidDate') : undefined,
      validTo:
        validTo && !isIsoDate(validTo)
          ? t('common.invalidDate')
          : checkTieDates({ valid_from: validFrom || null, valid_to: validTo || null })
            ? t('ties.datesBackwards')
            : undefined,
    };
    await save(found, async () => {
      await api.post('/api/ties', {
        body: {
          workspace_id: workspaceId,
          conflict_id: chosenConflict,
          source_actor_id: sourceId,
          target_actor_id: targetId,
          kind: kind as TieKind,
          directed: directed === 'yes',
          strength: strengthValue,
          valid_from: validFrom || null,
          valid_to: validTo || null,
          source: tieSource as TieSource,
          confidence: confidenceValue,
        },
      });
      navigate(`/w/${workspaceId}/actors/${sourceId}`);
    });
  }

  return (
    <section>
      <ActorsBreadcrumbs workspaceId={workspaceId} />
      <h1>{t('ties.title')}</h1>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <Loaded resource={conflicts}>
        {() => (
          <form onSubmit={submit} noValidate>
            {conflictList.length > 1 && (
              <SelectField
                label={t('actors.conflict')}
                value={chosenConflict}
                onChange={chooseConflict}
                options={conflictList.map((entry) => ({ value: entry.id, label: entry.name }))}
              />
            )}
            {chosenConflict && (
              <div className="form-grid">
                <ActorPicker
                  key={`from-${chosenConflict}`}
                  conflictId={chosenConflict}
                  label={t('ties.from')}
                  error={errors.source}
                  value={source}
                  onChange={setSource}
                  multiple={false}
                  searchNames={searchNames}
                />
                <ActorPicker
                  key={`to-${chosenConflict}`}
                  conflictId={chosenConflict}
                  label={t('ties.to')}
                  error={errors.target}
                  value={target}
                  onChange={setTarget}
                  multiple={false}
                  searchNames={searchNames}
                  accept={(actor) => actor.id !== sourceId}
                />
              </div>
            )}
            <div className="form-grid">
              <SelectField
                label={t('ties.kind')}
                value={kind}
                onChange={setKind}
                options={tieKinds.map((value) => ({ value, label: t(`ties.kinds.${value}`) }))}
              />
              <SelectField
                label={t('ties.directed')}
                value={directed}
                onChange={setDirected}
                options={[
                  { value: 'no', label: t('common.no') },
                  { value: 'yes', label: t('common.yes') },
                ]}
              />
              <TextField
                label={t('ties.strength')}
                type="number"
                min={1}
                max={5}
                step={1}
                value={strength}
                onChange={setStrength}
                error={errors.strength}
              />
              <TextField
                label={t('ties.confidence')}
                type="number"
                min={0}
                max={1}
                step={0.05}
                value={confidence}
                onChange={setConfidence}
                error={errors.confidence}
              />
              <TextField
                label={t('ties.validFrom')}
                type="date"
                value={validFrom}
                onChange={setValidFrom}
                error={errors.validFrom}
              />
              <TextField
                label={t('ties.validTo')}
                type="date"
                value={validTo}
                onChange={setValidTo}
                error={errors.validTo}
              />
              <SelectField
                label={t('ties.source')}
                value={tieSource}
                onChange={setTieSource}
                options={tieSources.map((value) => ({ value, label: t(`ties.sources.${value}`) }))}
              />
            </div>
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {busy ? t('common.saving') : t('common.save')}
              </button>
              <Link to={`/w/${workspaceId}/actors`}>{t('common.cancel')}</Link>
            </div>
          </form>
        )}
      </Loaded>
    </section>
  );
}
