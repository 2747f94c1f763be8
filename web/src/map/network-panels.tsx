import { useTranslation } from 'react-i18next';
import type { ActorLoss } from '../../../src/domain/network-answer.js';
import { Empty, Loaded } from '../components/states.js';
import { useResource } from '../use-resource.js';
import { percent } from '../i18n/format.js';

/** `{ network, result, actors }`: the network routes' answer; actors are named by pseudonym. */
export interface NetworkAnswer<T> {
  result: T;
  actors: Record<string, { pseudonym: string; name?: string; group: string | null }>;
}
export interface Introduction {
  first: { id: string; group: string };
  second: { id: string; group: string };
  intermediary: { id: string };
  gain: number;
  reason: string;
}
export type { ActorLoss };

export function labelOf(answer: NetworkAnswer<unknown>, pseudonym: string): string {
  const entry = answer.actors[pseudonym];
  return entry?.name ? `${entry.name} (${pseudonym})` : pseudonym;
}

/** An actor whose loss splits the network, or cuts much of its reach across the divide. */
export function isBridge(loss: ActorLoss): boolean {
  return loss.components_after > loss.components_before || loss.cross_divide_reach_lost_share >= 0.1;
}

/** The map's filter: the panels answer on the same ties as the map beside them. */
export interface MapFilter {
  divide?: string;
  kinds: string;
  as_of?: string;
}

export function NetworkPanels({ conflictId, filter }: { conflictId: string; filter: MapFilter }) {
  const { t } = useTranslation();
  const introductions = useResource('/api/conflicts/{id}/network/introductions', {
    params: { path: { id: conflictId }, query: { ...filter, limit: 5 } },
  });
  const fragility = useResource('/api/conflicts/{id}/network/fragility', {
    params: { path: { id: conflictId }, query: { ...filter, limit: 5 } },
  });
  return (
    <>
      <h2>{t('map.introductions')}</h2>
      <Loaded resource={introductions}>
        {(answer) =>
          answer.result.length ? (
            <ol className="panel-list">
              {answer.result.map((item) => (
                <li key={`${item.first.id}-${item.second.id}`}>
                  {t('map.introduce', {
                    first: labelOf(answer, item.first.id),
                    second: labelOf(answer, item.second.id),
                    via: labelOf(answer, item.intermediary.id),
                  })}{' '}
                  <span className="hint">{t('map.gain', { count: item.gain })}</span>
                </li>
              ))}
            </ol>
          ) : (
            <Empty>{t('map.noIntroductions')}</Empty>
          )
        }
      </Loaded>
      <h2>{t('map.fragility')}</h2>
      <Loaded resource={fragility}>
        {(answer) =>
          // The same rule as the workspace alerts: an actor whose loss changes little is not listed.
          answer.result.some(isBridge) ? (
            <ol className="panel-list" aria-label={t('map.fragility')}>
              {answer.result.filter(isBridge).map((loss) => (
                <li key={loss.id}>
                  {labelOf(answer, loss.id)}:{' '}
                  {loss.components_after > loss.components_before
                    ? t('map.splits', { count: loss.components_after })
                    : t('map.reachLost', { share: percent(loss.cross_divide_reach_lost_share) })}
                </li>
              ))}
            </ol>
          ) : (
            <Empty>{t('map.noFragility')}</Empty>
          )
        }
      </Loaded>
    </>
  );
}
