// Pure renderers for the single-node KRaft broker's configuration files.
import path from 'node:path';

/** server.properties for one node that is both broker and controller, sized for tests (replication factor 1). */
export function renderServerProperties({ dir, port, controllerPort }) {
  const settings = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': path.join(dir, 'data'),
    'num.partitions': 6,
    // One broker: any factor above 1 leaves consumer groups without a coordinator (tulios/kafkajs#1752).
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': false,
    'delete.topic.enable': true,
    'log.retention.hours': 24,
  };
  return `${Object.entries(settings).map(([key, value]) => `${key}=${value}`).join('\n')}\n`;
}

/** log4j2 config: INFO to stdout (the launcher sends it to kafka.log), chatty request/state loggers at WARN. */
export function renderLog4j2Properties() {
  return [
    'status = warn',
    'appender.out.type = Console',
    'appender.out.name = out',
    'appender.out.layout.type = PatternLayout',
    'appender.out.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = info',
    'rootLogger.appenderRef.out.ref = out',
    'logger.request.name = kafka.request.logger',
    'logger.request.level = warn',
    'logger.state.name = state.change.logger',
    'logger.state.level = warn',
    '',
  ].join('\n');
}
