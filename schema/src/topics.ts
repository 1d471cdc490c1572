/** The topic catalogue: every topic thidua uses, its partition count and what flows on it. */
export const topics = {
  contest: {
    name: 'thidua.contest.v1',
    partitions: 6,
    about:
      'contest facts from the gateway (membership, periods, schemes, submissions), keyed by cluster',
  },
  scores: {
    name: 'thidua.scores.v1',
    partitions: 6,
    about: 'scorecards computed by the scoring service, keyed by cluster',
  },
  rankings: {
    name: 'thidua.rankings.v1',
    partitions: 6,
    about: 'standings of a cluster and period after every change, keyed by cluster',
  },
  awards: {
    name: 'thidua.awards.v1',
    partitions: 6,
    about:
      "a cluster's award proposal, the central board's decisions and the awards, keyed by cluster",
  },
  dlq: {
    name: 'thidua.dlq.v1',
    partitions: 1,
    about: 'events no consumer could understand, with the reason and their origin',
  },
} as const;

export type TopicId = keyof typeof topics;

/**
 * The physical topic name. A namespace (e.g. one per test run) keeps separate runs apart on one
 * broker; the empty namespace gives the catalogue's names.
 */
export function topicName(namespace: string, topic: TopicId): string {
  const name = topics[topic].name;
  return namespace === '' ? name : `${namespace}.${name}`;
}
