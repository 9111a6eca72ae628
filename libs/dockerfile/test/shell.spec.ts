import { SourceText } from '../src/parse/source-text.js';
import { flagsOf, operands, parseShell, type ShellCommand, unwrap } from '../src/shell/commands.js';
import { logicalText } from '../src/shell/run-script.js';

const names = (script: string): string[] => parseShell(script).commands.map((c) => c.name.value);
const argv = (c: ShellCommand): string[] => [c.name.value, ...c.args.map((a) => a.value)];

describe('parseShell', () => {
  it('splits commands on && || ; & | and newlines, with pipelines', () => {
    const { commands } = parseShell('apt-get update && apt-get install -y x || true; curl -s u | sh & wait\necho done');
    expect(commands.map(argv)).toEqual([['apt-get', 'update'], ['apt-get', 'install', '-y', 'x'], ['true'], ['curl', '-s', 'u'], ['sh'], ['wait'], ['echo', 'done']]);
    const [curl, sh] = commands.slice(3, 5);
    expect(curl.pipeline).toBe(sh.pipeline);
    expect([curl.position, sh.position]).toEqual([0, 1]);
    expect(commands[0].pipeline).not.toBe(commands[1].pipeline);
  });

  it('removes quotes and escapes but keeps expansions as written', () => {
    const [cmd] = parseShell(`echo "a b" 'c "d"' e\\ f "$HOME/x" \${V:-1} "say \\"hi\\""`).commands;
    expect(argv(cmd)).toEqual(['echo', 'a b', 'c "d"', 'e f', '$HOME/x', '${V:-1}', 'say "hi"']);
  });

  it('skips assignments, reserved words, redirections and comments', () => {
    expect(names('DEBIAN_FRONTEND=noninteractive apt-get install x')).toEqual(['apt-get']);
    expect(names('if [ -f a ]; then rm a; else touch b; fi')).toEqual(['[', 'rm', 'touch']);
    expect(names('for p in a b; do echo $p; done')).toEqual(['for', 'echo']);
    const [cmd] = parseShell('apt-get install x > /dev/null 2>&1 # install x').commands;
    expect(argv(cmd)).toEqual(['apt-get', 'install', 'x']);
    expect(names('# only a comment')).toEqual([]);
  });

  it('finds commands inside $(…), backticks and <(…)', () => {
    expect(names('sh -c "$(curl -fsSL https://get.example/i.sh)"')).toEqual(['sh', 'curl']);
    expect(names('echo `uname -m`')).toEqual(['echo', 'uname']);
    expect(names('bash <(wget -qO- https://get.example/i.sh)')).toEqual(['bash', 'wget']);
    expect(names('echo $((1 + 2))')).toEqual(['echo']);
  });

  it('skips the body of a shell here-document', () => {
    expect(names('cat <<EOF > /etc/x.conf\napt-get install x\nEOF\necho done')).toEqual(['cat', 'echo']);
    expect(names("cat <<-'END' >f\n\tsudo rm -rf /\n\tEND\ntrue")).toEqual(['cat', 'true']);
  });

  it('gives each word its raw span', () => {
    const src = 'apt-get  install "x y"';
    const [cmd] = parseShell(src).commands;
    expect(cmd.args.map((w) => src.slice(w.start, w.end))).toEqual(['install', '"x y"']);
  });
});

describe('flags and operands', () => {
  const [cmd] = parseShell('apt-get -yq -t bookworm-backports --no-install-recommends install pkg=1 other').commands;

  it('reads flags as Hadolint does', () => {
    expect(flagsOf(cmd)).toEqual(['y', 'q', 't', 'no-install-recommends']);
  });

  it('drops the values of flags that take one', () => {
    expect(operands(cmd, ['t']).map((w) => w.value)).toEqual(['install', 'pkg=1', 'other']);
    expect(operands(cmd).map((w) => w.value)).toEqual(['bookworm-backports', 'install', 'pkg=1', 'other']);
  });

  it('unwraps sudo, env and friends to the command they run', () => {
    const [sudo] = parseShell('sudo -u root -E chmod u+s /bin/x').commands;
    expect(argv(unwrap(sudo))).toEqual(['chmod', 'u+s', '/bin/x']);
    const [env] = parseShell('env -i PATH=/bin nice -n 5 sh -c true').commands;
    expect(argv(unwrap(env))).toEqual(['sh', '-c', 'true']);
    const [plain] = parseShell('chmod 755 x').commands;
    expect(unwrap(plain)).toBe(plain);
  });
});

describe('logicalText', () => {
  it('removes line continuations and the comment lines inside them, keeping offsets', () => {
    const text = 'RUN apt-get update && \\  \n# a comment\n\n    apt-get install x\n';
    const source = new SourceText(text);
    const start = text.indexOf('apt-get');
    const { text: logical, offsets } = logicalText(source, start, text.length - 1, '\\');
    expect(logical).toBe('apt-get update &&     apt-get install x');
    const x = logical.lastIndexOf('x');
    expect(text[offsets[x]]).toBe('x');
    expect(source.lineAt(offsets[x])).toBe(3);
  });

  it('uses the escape character of the Dockerfile', () => {
    const text = 'RUN dir C:\\data `\n    && echo ok\n';
    const source = new SourceText(text);
    expect(logicalText(source, 4, text.length - 1, '`').text).toBe('dir C:\\data     && echo ok');
  });
});
