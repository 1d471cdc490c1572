import { commonSettings, createDb, createKafka, createLogger, readEnvironment } from '@thidua/kit';
import {
  dropReadModel,
  dumpReadModels,
  readModelServices,
  type ReadModelService,
} from './read-models.ts';

/**
 * `npm run dump-hash`: prints the canonical hash of every read model.
 * `npm run rebuild -- <service>`: drops that service's read model and consumer offsets; start the
 * service again and it rebuilds them from the topics.
 */
const env = readEnvironment(commonSettings);
const [command, service] = process.argv.slice(2);
const db = createDb<unknown>(env.DATABASE_URL, 'public', 2);

async function main(): Promise<void> {
  if (command === 'dump-hash') {
    const dump = await dumpReadModels(db);
    for (const name of readModelServices) {
      process.stdout.write(
        `${name.padEnd(10)} ${dump.hashes[name]}  (${String(dump.rows[name])} rows)\n`,
      );
    }
    process.stdout.write(`${'all'.padEnd(10)} ${dump.hashes.all}\n`);
    return;
  }
  if (command === 'rebuild' && readModelServices.includes(service as ReadModelService)) {
    const kafka = createKafka(
      env.KAFKA_BROKERS,
      'thidua-rebuild',
      createLogger('rebuild', env.LOG_LEVEL),
    );
    const admin = kafka.admin();
    await admin.connect();
    try {
      await dropReadModel(
        db,
        async (groupId) => {
          const groups = await admin.listGroups();
          if (groups.groups.some((g) => g.groupId === groupId)) await admin.deleteGroups([groupId]);
        },
        service as ReadModelService,
        env.TOPIC_NAMESPACE,
      );
    } finally {
      await admin.disconnect();
    }
    process.stdout.write(
      `${String(service)}: read model and offsets dropped; start it to rebuild from the topics\n`,
    );
    return;
  }
  throw new Error(`usage: dump-hash | rebuild <${readModelServices.join('|')}>`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => void db.destroy());
