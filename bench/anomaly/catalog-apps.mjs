// Application dependencies (`name version [console scripts]`, entries split by newlines or `;`) and the language
// runtimes the official images build under /usr/local, where no OS package owns them. BASE lists what the first build
// has; LATER what builds add.

export const NPM_BASE = `
express 4.18.2; accepts 1.3.8; body-parser 1.20.2; bytes 3.1.2; content-disposition 0.5.4; content-type 1.0.5
cookie 0.6.0; cookie-signature 1.0.6; debug 2.6.9; depd 2.0.0; encodeurl 1.0.2; escape-html 1.0.3
etag 1.8.1; forwarded 0.2.0; fresh 0.5.2; http-errors 2.0.0; iconv-lite 0.4.24; inherits 2.0.4
ipaddr.js 1.9.1; media-typer 0.3.0; merge-descriptors 1.0.1; methods 1.1.2; mime 1.6.0; mime-db 1.52.0
mime-types 2.1.35; ms 2.1.3; negotiator 0.6.3; on-finished 2.4.1; path-to-regexp 0.1.7; proxy-addr 2.0.7
qs 6.11.0; range-parser 1.2.1; raw-body 2.5.2; safer-buffer 2.1.2; send 0.18.0; serve-static 1.15.0
setprototypeof 1.2.0; statuses 2.0.1; toidentifier 1.0.1; type-is 1.6.18; utils-merge 1.0.1; vary 1.1.2
pino 8.19.0; pino-std-serializers 6.2.2; sonic-boom 3.8.0; thread-stream 2.4.1; pg 8.11.3; pg-pool 3.6.1
pg-protocol 1.6.0; pg-types 2.2.0; pgpass 1.0.5; zod 3.22.4; dotenv 16.4.5; jsonwebtoken 9.0.2
jws 3.2.2; semver 7.6.0; lru-cache 6.0.0; yallist 4.0.0; axios 1.6.7; follow-redirects 1.15.6
form-data 4.0.0; combined-stream 1.0.8; asynckit 0.4.0; delayed-stream 1.0.0; proxy-from-env 1.1.0; uuid 9.0.1
lodash 4.17.21; ioredis 5.3.2; cluster-key-slot 1.1.2; denque 2.1.0; redis-errors 1.2.0; helmet 7.1.0
cors 2.8.5; object-assign 4.1.1; compression 1.7.4; compressible 2.0.18
`;

export const NPM_LATER = `
date-fns 3.3.1; nanoid 5.0.6; p-limit 5.0.0; yocto-queue 1.0.0; undici 6.6.2
ajv 8.12.0; fast-deep-equal 3.1.3; json-schema-traverse 1.0.0; prom-client 15.1.0; tdigest 0.1.2
bintrees 1.0.2; luxon 3.4.4; chalk 5.3.0; commander 12.0.0; cron-parser 4.9.0
msgpackr 1.10.1; graceful-fs 4.2.11; fast-json-stringify 5.12.0; rfdc 1.3.1
`;

export const PYPI_BASE = `
pip 24.0 pip pip3 pip3.12; setuptools 69.0.3; wheel 0.42.0 wheel; flask 3.0.2 flask
werkzeug 3.0.1; jinja2 3.1.3; markupsafe 2.1.5; itsdangerous 2.1.2
click 8.1.7; blinker 1.7.0; gunicorn 21.2.0 gunicorn; packaging 23.2
requests 2.31.0; urllib3 2.2.1; idna 3.6; certifi 2024.2.2
charset-normalizer 3.3.2 normalizer; sqlalchemy 2.0.27; greenlet 3.0.3; typing-extensions 4.9.0
psycopg2-binary 2.9.9; pydantic 2.6.1; pydantic-core 2.16.2; annotated-types 0.6.0
python-dotenv 1.0.1 dotenv; alembic 1.13.1 alembic; mako 1.3.2 mako-render; redis 5.0.1
six 1.16.0; python-dateutil 2.8.2; pytz 2024.1; structlog 24.1.0
pyyaml 6.0.1; uvicorn 0.27.1 uvicorn; fastapi 0.109.2; starlette 0.36.3
anyio 4.2.0; sniffio 1.3.0; h11 0.14.0; httpx 0.26.0 httpx
httpcore 1.0.3; prometheus-client 0.20.0
`;

export const PYPI_LATER = `
celery 5.3.6 celery; kombu 5.3.5; billiard 4.2.0; vine 5.1.0
amqp 5.2.0; tenacity 8.2.3; orjson 3.9.15; boto3 1.34.49
botocore 1.34.49; jmespath 1.0.1; s3transfer 0.10.0; sentry-sdk 1.40.5
cryptography 42.0.4; cffi 1.16.0; pycparser 2.21; marshmallow 3.20.2
markdown-it-py 3.0.0 markdown-it; mdurl 0.1.2; pygments 2.17.2 pygmentize; tqdm 4.66.2 tqdm
`;

/** Packages pip and npm never remove on their own, so a lineage's first build always has them. */
export const PYPI_ALWAYS = ['pip', 'setuptools', 'wheel', 'flask', 'werkzeug', 'gunicorn'];
export const NPM_ALWAYS = ['express'];

// The runtimes the node and python images compile into /usr/local: regular files no package owns.
export const RUNTIMES = {
  node: { version: '20.11.0', files: (v) => [[`/usr/local/bin/node`, `node ${v}`, 96_000_000], ['/usr/local/bin/docker-entrypoint.sh', 'docker-entrypoint.sh', 388]] },
  python: {
    version: '3.12.2',
    files: (v) => [
      ['/usr/local/bin/python3.12', `python ${v}`, 17_000], ['/usr/local/bin/idle3.12', 'idle3.12', 102],
      ['/usr/local/bin/pydoc3.12', 'pydoc3.12', 87], ['/usr/local/bin/python3.12-config', `python-config ${v}`, 3_100],
    ],
  },
};
