import { type Instruction } from 'dockerfile-ast';
import { finalChain } from '../parse/dockerfile-model.js';
import { DOCKERFILE_RULE_IDS as ID } from '../rules/rule-ids.js';
import { type CheckContext, report, signature } from './check-context.js';

const SSH_PORT = /^22(\/tcp)?$/i;

/** HEALTHCHECK and EXPOSE 22 of the image that ships: the final stage and the stages it builds on. */
export function checkImageMetadata(ctx: CheckContext): void {
  const chain = finalChain(ctx.model);
  const instructions = chain.flatMap((s) => s.instructions);
  const final = chain[chain.length - 1];
  const healthchecks = instructions.filter((i) => i.getKeyword() === 'HEALTHCHECK');
  const last: Instruction | undefined = healthchecks[healthchecks.length - 1];
  const disabled = last?.getArguments()[0]?.getValue().toUpperCase() === 'NONE';
  if (!last || disabled) {
    report(ctx, {
      ruleId: ID.healthcheckMissing,
      title: disabled ? 'HEALTHCHECK NONE disables the health check of the final image' : 'The final image has no HEALTHCHECK',
      at: last ?? final.from,
      key: ['final-image'],
      details: { disabled },
    });
  }
  for (const expose of instructions.filter((i) => i.getKeyword() === 'EXPOSE')) {
    const port = expose.getExpandedArguments().find((a) => SSH_PORT.test(a.getValue()));
    if (!port) continue;
    report(ctx, { ruleId: ID.exposeSsh, title: `EXPOSE ${port.getValue()} (SSH)`, at: expose, key: ['final-image', signature(expose)], details: { port: port.getValue() } });
  }
}
