/**
 * `npm run cluster`: a local cluster to try the multi-node deployment — a
 * throwaway PostgreSQL, three `archdrill serve --store` nodes and HAProxy, all
 * on 127.0.0.1 — with a room's join links printed. Ctrl+C stops everything
 * and removes the temporary files. CLUSTER_NODES=N for another node count.
 */
import { buildJoinLink, newRoomId } from '../../../shared/collab';
import { adminKey, signToken } from '../auth';
import { startCluster } from './cluster';

const count = Number(process.env.CLUSTER_NODES ?? 3);
console.log(`starting PostgreSQL, ${count} nodes and HAProxy on 127.0.0.1 …`);
const cluster = await startCluster({ nodes: count, echo: true, haproxyLog: true });
const roomId = newRoomId();
const link = (role: 'candidate' | 'interviewer' | 'spectator') =>
  buildJoinLink({ origin: cluster.url, roomId, token: signToken(cluster.secret, roomId, role) });

console.log(`
Archdrill cluster is up.
  open:         ${cluster.url}
  a room:       candidate   ${link('candidate')}
                interviewer ${link('interviewer')}
                spectator   ${link('spectator')}
  more rooms:   curl -X POST -H "Authorization: Bearer ${adminKey(cluster.secret)}" ${cluster.url}/rooms
  nodes:        ${cluster.nodes.map((n) => `${n.name} ${n.url}`).join(', ')}
  HAProxy:      ${cluster.haproxy.statsUrl}
  PostgreSQL:   ${cluster.pg.url}
Kill a node (kill -9 <pid>: ${cluster.nodes.map((n) => `${n.name} ${n.group.pid}`).join(', ')}) and watch its rooms move.
Ctrl+C stops everything.`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the nodes, HAProxy and PostgreSQL …`);
  cluster.stop().then(
    () => process.exit(0),
    (err: Error) => {
      console.error(`could not stop cleanly: ${err.message}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
