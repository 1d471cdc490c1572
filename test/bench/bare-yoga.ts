// The bare endpoint of the query measure: graphql-yoga answering the persisted Ranking query with
// the same standings from memory, no database and no Pothos. Run as its own process by
// query-measure.ts, which passes the standings (as the gateway returned them) in BARE_STANDINGS
// and reads the port from the first line this prints.
import { createSchema, createYoga } from 'graphql-yoga';
import { createServer } from 'node:http';

const standings = JSON.parse(process.env.BARE_STANDINGS ?? 'null') as unknown;

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      scalar DateTime
      type Standing {
        unitCode: String!
        unitName: String!
        status: String!
        rank: Int
        total: String
        criteriaSum: String
        deductions: String
        classification: String
        submittedAt: String
        movement: Int
      }
      type Standings {
        clusterCode: String!
        periodId: String!
        revision: Int!
        changedAt: String!
        entries: [Standing!]!
      }
      type Query {
        ranking(cluster: String!, period: String!, asOf: DateTime): Standings
      }
    `,
    resolvers: { Query: { ranking: () => standings } },
  }),
  graphiql: false,
  landingPage: false,
  logging: false,
});

const server = createServer((request, response) => void yoga(request, response));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`${String(port)}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
