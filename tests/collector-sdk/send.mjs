// Sends simulated visitors through the official SDKs to the Journeyscope collector.
// Each visitor browses anonymously, identifies, and orders. Half go through posthog-node, half through
// @segment/analytics-node. Prints one JSON line: what each SDK reported as delivered or failed.
// Usage: node send.mjs HOST KEY VISITORS EVENTS_PER_VISITOR
import { Analytics } from '@segment/analytics-node';
import { PostHog } from 'posthog-node';

const [host, key, visitorsText, perVisitorText] = process.argv.slice(2);
const visitors = Number(visitorsText ?? 500);
const perVisitor = Math.max(4, Number(perVisitorText ?? 20));
const start = Date.parse('2026-03-01T09:00:00Z');

// Generous timeouts: on a loaded machine a durable commit can take seconds, and a timed-out request is retried anyway.
const segment = new Analytics({ writeKey: key, host, maxEventsInBatch: 50, flushInterval: 200, maxRetries: 5, httpRequestTimeout: 60_000 });
const posthog = new PostHog(key, { host, flushAt: 50, flushInterval: 200, fetchRetryCount: 5, fetchRetryDelay: 200, requestTimeout: 60_000, disableGeoip: true });

const result = { segment: { sent: 0, delivered: 0, failed: 0 }, posthog: { sent: 0, failed: 0 } };
segment.on('error', () => { result.segment.failed++; });
posthog.on('error', () => { result.posthog.failed++; });

const pending = [];
for (let v = 0; v < visitors; v++) {
  const anonymousId = `anon-${v}`;
  const userId = `cust-${v}`;
  const at = (i) => new Date(start + v * 3_600_000 + i * 60_000);
  // Deterministic message ids, so that a second run re-sends the same events (the collector must store them once).
  const id = (i) => `00000000-0000-4000-8000-${(v * 1000 + i).toString(16).padStart(12, '0')}`;
  const browse = perVisitor - 2;
  if (v % 2 === 0) {
    for (let i = 0; i < browse; i++) {
      pending.push(new Promise((resolve) => segment.track({ messageId: id(i), anonymousId, event: i === 0 ? 'Browse' : `View ${i % 5}`, timestamp: at(i), properties: { i } }, (err) => { if (!err) result.segment.delivered++; resolve(); })));
    }
    pending.push(new Promise((resolve) => segment.identify({ messageId: id(browse), userId, anonymousId, traits: { plan: 'basic' }, timestamp: at(browse) }, (err) => { if (!err) result.segment.delivered++; resolve(); })));
    pending.push(new Promise((resolve) => segment.track({ messageId: id(browse + 1), userId, event: 'Order', timestamp: at(browse + 1), properties: { total: 10 + v } }, (err) => { if (!err) result.segment.delivered++; resolve(); })));
    result.segment.sent += perVisitor;
  } else {
    for (let i = 0; i < browse; i++) {
      posthog.capture({ uuid: id(i), distinctId: anonymousId, event: i === 0 ? 'Browse' : `View ${i % 5}`, timestamp: at(i), properties: { i } });
    }
    posthog.capture({ uuid: id(browse), distinctId: userId, event: '$identify', timestamp: at(browse), properties: { $anon_distinct_id: anonymousId, $set: { plan: 'basic' } } });
    posthog.capture({ uuid: id(browse + 1), distinctId: userId, event: 'Order', timestamp: at(browse + 1), properties: { total: 10 + v } });
    result.posthog.sent += perVisitor;
  }
}

await Promise.all(pending);
await segment.closeAndFlush({ timeout: 120_000 });
await posthog.shutdown(120_000);
console.log(JSON.stringify(result));
