/**
 * A testing aid: the fault-injection tests set THIDUA_FAILPOINT=<point>:<n> on a service process so
 * that it kills itself with SIGKILL the n-th time it reaches that point, exactly between two steps
 * that a crash must not be able to split (e.g. after the database commit, before the Kafka commit).
 * `<point>:<n>:throw` throws an error there instead, as a bug in the code at that point would.
 */
export const failpointNames = [
  /** In the batch's transaction, just before the service's handler runs. */
  'consumer.in-handler',
  /** In the batch's transaction, after its effects and the next offset are written. */
  'consumer.before-db-commit',
  /** After the batch's transaction committed, before the offset is committed to Kafka. */
  'consumer.after-db-commit',
  /** After the relay's send was acknowledged, before its rows are marked sent. */
  'relay.after-send',
] as const;

export type FailpointName = (typeof failpointNames)[number];

export interface FailpointSetting {
  name: FailpointName;
  /** The process dies on this hit of the point (1 = the first time). */
  hit: number;
  /** SIGKILL, or an exception thrown at the point. */
  action: 'kill' | 'throw';
}

/** Called at each named point; does nothing unless a failpoint is armed for that name. */
export type Failpoint = (name: FailpointName) => void;

/** The shape THIDUA_FAILPOINT must have. */
export const failpointPattern = new RegExp(
  `^(${failpointNames.map((name) => name.replace('.', '\\.')).join('|')}):[1-9][0-9]*(:throw)?$`,
);

/** `consumer.after-db-commit:3` → its name and hit; the text is checked by failpointPattern first. */
export function parseFailpoint(text: string): FailpointSetting {
  const [name = '', hit = '', action] = text.split(':');
  return {
    name: name as FailpointName,
    hit: Number(hit),
    action: action === 'throw' ? 'throw' : 'kill',
  };
}

const disarmed: Failpoint = () => undefined;

/** The failpoint of a process: a no-op when none is set, so it costs nothing in production. */
export function createFailpoint(setting: FailpointSetting | undefined): Failpoint {
  if (setting === undefined) return disarmed;
  let reached = 0;
  return (name) => {
    if (name !== setting.name) return;
    reached += 1;
    if (reached !== setting.hit) return;
    if (setting.action === 'throw') throw new Error(`failpoint ${name} reached`);
    // SIGKILL, not exit: no handler, no flush, no LeaveGroup; the process is simply gone.
    process.kill(process.pid, 'SIGKILL');
  };
}
