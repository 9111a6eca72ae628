import { type SecretFormat, tokenFormat } from '../secret-format.js';

const ALNUM = 'A-Za-z0-9';

/** AI model provider credentials. */
export const AI_FORMATS: readonly SecretFormat[] = [
  tokenFormat({
    id: 'secret.openai-api-key',
    title: 'OpenAI API key',
    severity: 'high',
    grants: 'the OpenAI API billed to the organisation, and its files and assistants',
    keywords: ['t3blbkfj'],
    // every key format so far embeds "T3BlbkFJ" (base64 of "OpenAI")
    body: `sk-(?:(?:proj|svcacct|admin)-[\\w-]{20,200}|[${ALNUM}]{20})T3BlbkFJ[\\w-]{20,200}`,
    gitleaks: 'openai-api-key',
  }),
  tokenFormat({
    id: 'secret.anthropic-api-key',
    title: 'Anthropic API key',
    severity: 'high',
    grants: 'the Anthropic API billed to the organisation (an admin key: its members and keys)',
    keywords: ['sk-ant-'],
    body: 'sk-ant-(?:api|admin)0[0-9]-[\\w-]{80,120}AA',
    gitleaks: 'anthropic-api-key',
  }),
  tokenFormat({
    id: 'secret.groq-api-key',
    title: 'Groq API key',
    severity: 'high',
    grants: 'the Groq API billed to the organisation',
    keywords: ['gsk_'],
    body: `gsk_[${ALNUM}]{52}`,
  }),
  tokenFormat({
    id: 'secret.huggingface-token',
    title: 'Hugging Face access token',
    severity: 'high',
    grants: 'the user’s or organisation’s models, datasets and Spaces, private ones included',
    keywords: ['hf_', 'api_org_'],
    body: '(?:hf_|api_org_)[A-Za-z]{34}',
    gitleaks: 'huggingface-access-token',
  }),
  tokenFormat({
    id: 'secret.perplexity-api-key',
    title: 'Perplexity API key',
    severity: 'high',
    grants: 'the Perplexity API billed to the account',
    keywords: ['pplx-'],
    body: `pplx-[${ALNUM}]{48}`,
    gitleaks: 'perplexity-api-key',
  }),
  tokenFormat({
    id: 'secret.replicate-api-token',
    title: 'Replicate API token',
    severity: 'high',
    grants: 'running models on Replicate billed to the account',
    keywords: ['r8_'],
    body: `r8_[${ALNUM}]{37}`,
  }),
];
