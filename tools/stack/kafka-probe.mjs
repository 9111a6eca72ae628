// A raw Kafka Metadata request over TCP: readiness needs no client library (kafkajs stays inside libs/messaging).
import net from 'node:net';

const METADATA_API_KEY = 3;
// Metadata v4 is the oldest version Kafka 4.x still serves (KIP-896) and is not yet a "flexible" version.
const METADATA_VERSION = 4;

function encodeRequest(correlationId, clientId) {
  const client = Buffer.from(clientId, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + client.length + 4 + 1);
  let at = body.writeInt16BE(METADATA_API_KEY, 0);
  at = body.writeInt16BE(METADATA_VERSION, at);
  at = body.writeInt32BE(correlationId, at);
  at = body.writeInt16BE(client.length, at);
  at += client.copy(body, at);
  at = body.writeInt32BE(-1, at); // null topic array: metadata for all topics
  body.writeInt8(0, at); // allow_auto_topic_creation = false
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}

function decodeResponse(frame) {
  let at = 4; // correlation id
  const readString = () => {
    const length = frame.readInt16BE(at);
    at += 2;
    if (length < 0) return null;
    const value = frame.toString('utf8', at, at + length);
    at += length;
    return value;
  };
  at += 4; // throttle_time_ms
  const brokerCount = frame.readInt32BE(at);
  at += 4;
  const brokers = [];
  for (let i = 0; i < brokerCount; i += 1) {
    const nodeId = frame.readInt32BE(at);
    at += 4;
    const host = readString();
    const port = frame.readInt32BE(at);
    at += 4;
    readString(); // rack
    brokers.push({ nodeId, host, port });
  }
  const clusterId = readString();
  const controllerId = frame.readInt32BE(at);
  return { brokers, clusterId, controllerId };
}

/** Sends one Metadata request to host:port; resolves {brokers, clusterId, controllerId} or rejects. */
export function fetchMetadata({ host = '127.0.0.1', port, timeoutMs = 2000 }) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const fail = (error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no metadata answer from ${host}:${port} in ${timeoutMs} ms`)));
    socket.once('error', fail);
    socket.once('connect', () => socket.write(encodeRequest(1, 'dhi-launcher')));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      socket.destroy();
      try {
        resolve(decodeResponse(received.subarray(4, 4 + received.readInt32BE(0))));
      } catch (error) {
        reject(new Error(`unreadable metadata answer from ${host}:${port}: ${error.message}`));
      }
    });
  });
}

/** True when the broker answers Metadata with itself listed and a known controller. */
export async function brokerReady(port) {
  const metadata = await fetchMetadata({ port });
  return metadata.brokers.length > 0 && metadata.controllerId >= 0;
}
