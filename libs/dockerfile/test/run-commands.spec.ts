import { DOCKERFILE_RULE_IDS as ID } from '../src/index.js';
import { dockerfile, expectPatchFixes, hitsOf } from './support/patch-check.js';

const run = (...lines: string[]): string => dockerfile('FROM debian:12', ...lines);

describe('dockerfile.sudo (DL3004)', () => {
  it.each(['RUN sudo apt-get update', 'RUN apt-get update && sudo apt-get install', 'ONBUILD RUN sudo make install'])('fires on %s', (line) => {
    expect(hitsOf(run(line), ID.sudo)).toHaveLength(1);
  });

  it('does not fire on installing sudo or on the word in an argument', () => {
    expect(hitsOf(run('RUN apt-get install sudo && echo "use sudo"'), ID.sudo)).toEqual([]);
  });
});

describe('dockerfile.curl-pipe-shell', () => {
  it.each([
    'RUN curl -fsSL https://get.example/install.sh | sh',
    'RUN wget -qO- https://get.example/install.sh | bash -s -- --yes',
    'RUN curl -s https://get.example/i.sh | sudo -E bash',
    'RUN curl -s https://get.example/i.sh | tee /tmp/log | /bin/sh',
    'RUN sh -c "$(curl -fsSL https://get.example/install.sh)"',
    'RUN bash <(curl -s https://get.example/install.sh)',
  ])('fires on %s', (line) => {
    expect(hitsOf(run(line), ID.curlPipeShell)).toHaveLength(1);
  });

  it.each([
    'RUN curl -fsSLo /tmp/i.sh https://get.example/i.sh && echo "$SUM  /tmp/i.sh" | sha256sum -c && sh /tmp/i.sh',
    'RUN curl -fsSL https://get.example/app.tgz | tar -xz -C /opt',
    'RUN echo curl | sh',
    'RUN sh -c "echo $(date)"',
  ])('does not fire on %s', (line) => {
    expect(hitsOf(run(line), ID.curlPipeShell)).toEqual([]);
  });
});

describe('dockerfile.chmod-world-writable', () => {
  it.each([
    ['chmod 777 /app', 'chmod 755 /app'],
    ['chmod -R 0777 /data', 'chmod -R 0755 /data'],
    ['chmod 666 /etc/app.conf', 'chmod 644 /etc/app.conf'],
    ['sudo chmod 776 /x', 'sudo chmod 754 /x'],
  ])('fires on %s and patches it to %s', (before, after) => {
    expect(expectPatchFixes(run(`RUN mkdir -p /app && ${before}`), ID.chmodWorldWritable)).toBe(run(`RUN mkdir -p /app && ${after}`));
  });

  it.each(['chmod a+w /x', 'chmod o+rwx /x', 'chmod u=rwx,o=rwx /x'])('fires on the symbolic %s, without a patch', (command) => {
    const [hit] = hitsOf(run(`RUN ${command}`), ID.chmodWorldWritable);
    expect(hit.patch).toBeNull();
  });

  it.each(['chmod 1777 /tmp/shared', 'chmod 755 /app', 'chmod +x /app/run', 'chmod o-w /app', 'chmod --reference=/etc/passwd /x'])('does not fire on %s', (command) => {
    expect(hitsOf(run(`RUN ${command}`), ID.chmodWorldWritable)).toEqual([]);
  });
});

describe('dockerfile.chmod-setuid', () => {
  it.each([
    ['chmod 4755 /usr/local/bin/tool', 'chmod 0755 /usr/local/bin/tool'],
    ['chmod u+s /usr/local/bin/tool', 'chmod u-s /usr/local/bin/tool'],
    ['chmod g+s,u+s /usr/local/bin/tool', 'chmod g-s,u-s /usr/local/bin/tool'],
    ['sudo chmod 2755 /srv', 'sudo chmod 0755 /srv'],
  ])('fires on %s and patches it to %s', (before, after) => {
    expect(expectPatchFixes(run(`RUN ${before}`), ID.chmodSetuid)).toBe(run(`RUN ${after}`));
  });

  it('reports a mode that is both setuid and world-writable under both rules, each with its own fix', () => {
    const text = run('RUN chmod 4777 /x');
    expect(expectPatchFixes(text, ID.chmodSetuid)).toBe(run('RUN chmod 0777 /x'));
    expect(expectPatchFixes(text, ID.chmodWorldWritable)).toBe(run('RUN chmod 4755 /x'));
  });

  it.each(['chmod u-s /x', 'chmod 0755 /x', 'chmod u+x,g+r /x'])('does not fire on %s', (command) => {
    expect(hitsOf(run(`RUN ${command}`), ID.chmodSetuid)).toEqual([]);
  });
});
