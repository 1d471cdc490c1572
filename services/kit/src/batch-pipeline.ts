import type { AnyEvent, EventOnTopic, TopicId } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { BatchHandler } from './consumer.ts';

/** What a batch comes to: the rows to write and the events to emit. */
export interface BatchDecision<Changes> {
  changes: Changes;
  emit: AnyEvent[];
}

/**
 * A consuming service's batch in three steps. `load` reads what the batch's stale periods need;
 * `decide`, pure, works out from that state and the batch which periods are stale, which version
 * wins, the rows to write and the events to emit; `write` stores the rows. All three run in the
 * batch's transaction, so what `decide` sees is what `write` changes.
 */
export interface BatchPipeline<Database, Event, State, Changes> {
  load(trx: Transaction<Database>, events: readonly Event[]): Promise<State>;
  decide(state: State, events: readonly Event[]): BatchDecision<Changes>;
  write(trx: Transaction<Database>, changes: Changes): Promise<void>;
}

/** Runs one batch through `pipeline` in `trx`; returns what it decided, once written. */
export async function runPipeline<Database, Event, State, Changes>(
  pipeline: BatchPipeline<Database, Event, State, Changes>,
  trx: Transaction<Database>,
  events: readonly Event[],
): Promise<BatchDecision<Changes>> {
  const decision = pipeline.decide(await pipeline.load(trx, events), events);
  await pipeline.write(trx, decision.changes);
  return decision;
}

/** The batch handler of a service whose batches run through `pipeline`. */
export function pipelineHandler<Database, Topic extends TopicId, State, Changes>(
  pipeline: BatchPipeline<Database, EventOnTopic<Topic>, State, Changes>,
): BatchHandler<Database, Topic> {
  return async (events, { trx, emit }) => {
    for (const event of (await runPipeline(pipeline, trx, events)).emit) emit(event);
  };
}
