import type { z } from 'zod';
import { envelope, type Envelope, type Event } from './envelope.ts';
import { bonusAddedV1, deductionAddedV1 } from './events/adjustment-added.v1.ts';
import { awardDecidedV1 } from './events/award-decided.v1.ts';
import { awardsChangedV1 } from './events/awards-changed.v1.ts';
import { tieVoteRecordedV1 } from './events/tie-vote-recorded.v1.ts';
import { clusterDefinedV1 } from './events/cluster-defined.v1.ts';
import { deadlineSetV1 } from './events/deadline-set.v1.ts';
import { pledgesRegisteredV1 } from './events/pledges-registered.v1.ts';
import { scoreReviewedV1 } from './events/score-reviewed.v1.ts';
import { indicatorReviewedV1 } from './events/indicator-reviewed.v1.ts';
import { submissionReturnedV1 } from './events/submission-returned.v1.ts';
import { periodClosedV1 } from './events/period-closed.v1.ts';
import { periodOpenedV1 } from './events/period-opened.v1.ts';
import { resultsSubmittedV1 } from './events/results-submitted.v1.ts';
import { schemeAssignedV1 } from './events/scheme-assigned.v1.ts';
import { scorecardComputedV1 } from './events/scorecard-computed.v1.ts';
import { standingsChangedV1 } from './events/standings-changed.v1.ts';
import type { TopicId } from './topics.ts';

/** Every event type, the version of its data schema, and the topic it travels on. */
export const eventCatalogue = {
  ClusterDefined: { version: 1, topic: 'contest', data: clusterDefinedV1 },
  PeriodOpened: { version: 1, topic: 'contest', data: periodOpenedV1 },
  DeadlineSet: { version: 1, topic: 'contest', data: deadlineSetV1 },
  PeriodClosed: { version: 1, topic: 'contest', data: periodClosedV1 },
  SchemeAssigned: { version: 1, topic: 'contest', data: schemeAssignedV1 },
  ResultsSubmitted: { version: 1, topic: 'contest', data: resultsSubmittedV1 },
  PledgesRegistered: { version: 1, topic: 'contest', data: pledgesRegisteredV1 },
  ScoreReviewed: { version: 1, topic: 'contest', data: scoreReviewedV1 },
  IndicatorReviewed: { version: 1, topic: 'contest', data: indicatorReviewedV1 },
  SubmissionReturned: { version: 1, topic: 'contest', data: submissionReturnedV1 },
  BonusAdded: { version: 1, topic: 'contest', data: bonusAddedV1 },
  DeductionAdded: { version: 1, topic: 'contest', data: deductionAddedV1 },
  TieVoteRecorded: { version: 1, topic: 'contest', data: tieVoteRecordedV1 },
  AwardDecided: { version: 1, topic: 'contest', data: awardDecidedV1 },
  ScorecardComputed: { version: 1, topic: 'scores', data: scorecardComputedV1 },
  StandingsChanged: { version: 1, topic: 'rankings', data: standingsChangedV1 },
  AwardsChanged: { version: 1, topic: 'awards', data: awardsChangedV1 },
} as const satisfies Record<string, { version: number; topic: TopicId; data: z.ZodType }>;

export type EventType = keyof typeof eventCatalogue;

/** The event of a type, with its data checked. */
export type EventOf<Type extends EventType> = Event<
  Type,
  z.output<(typeof eventCatalogue)[Type]['data']>
>;

/** Any event of the catalogue, discriminated on `type`. */
export type AnyEvent = { [Type in EventType]: EventOf<Type> }[EventType];

/** The events that travel on one topic. */
export type EventOnTopic<Topic extends TopicId> = Extract<
  AnyEvent,
  {
    type: {
      [T in EventType]: (typeof eventCatalogue)[T]['topic'] extends Topic ? T : never;
    }[EventType];
  }
>;

export type ContestEvent = EventOnTopic<'contest'>;
export type ScoresEvent = EventOnTopic<'scores'>;
export type RankingsEvent = EventOnTopic<'rankings'>;
export type AwardsEvent = EventOnTopic<'awards'>;

export type ParseResult<E> = { ok: true; event: E } | { ok: false; reason: string };

function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalogue, type);
}

/**
 * Checks a raw message against the envelope and its type's schema and that it belongs on `topic`.
 * The reason of a failure names the field and the problem, for the dead-letter topic.
 */
export function parseEvent<Topic extends TopicId>(
  topic: Topic,
  raw: string,
): ParseResult<EventOnTopic<Topic>> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
  const outer = envelope.safeParse(json);
  if (!outer.success) return { ok: false, reason: `invalid envelope: ${describe(outer.error)}` };
  const { type, version } = outer.data;
  if (!isEventType(type)) return { ok: false, reason: `unknown event type ${type}` };
  const entry = eventCatalogue[type];
  if (entry.topic !== topic) return { ok: false, reason: `${type} does not belong on ${topic}` };
  if (entry.version !== version)
    return { ok: false, reason: `unsupported version ${version} of ${type}` };
  const data = entry.data.safeParse(outer.data.data);
  if (!data.success) return { ok: false, reason: `invalid ${type} data: ${describe(data.error)}` };
  return { ok: true, event: { ...outer.data, data: data.data } as EventOnTopic<Topic> };
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Builds an envelope for an event of the catalogue. */
export function makeEvent<Type extends EventType>(
  type: Type,
  fields: Omit<Envelope, 'type' | 'version' | 'data'> & { data: EventOf<Type>['data'] },
): EventOf<Type> {
  return { ...fields, type, version: eventCatalogue[type].version };
}
