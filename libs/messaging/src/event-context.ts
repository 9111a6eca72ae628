/**
 * What a handler learns about the message it handles (inject it with `@Ctx()`).
 *
 * The consumer group's session times out after 30 s without a heartbeat (heartbeats go out every 3 s between
 * messages). A handler whose work can take longer than a few seconds must call `heartbeat()` regularly, or Kafka
 * takes its partitions away mid-work and the message is delivered again elsewhere.
 */
export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  /** 1 on the first try, incremented on each retry of the same message. */
  attempt: number;
  groupId: string;
  /** Tells the group coordinator this consumer is alive; rejects when the group is rebalancing. */
  heartbeat(): Promise<void>;
}
