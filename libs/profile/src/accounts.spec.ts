import { parseGroup, parsePasswd } from './accounts.js';

describe('accounts', () => {
  it('reads passwd entries sorted by name, skipping comments, NIS lines and bad ids', () => {
    const text = 'root:x:0:0:root:/root:/bin/bash\n# comment\n+::::::\napp:x:1000:1000::/home/app:/usr/sbin/nologin\nbad:x:-1:0::/:/bin/sh\n';
    expect(parsePasswd(text)).toEqual([
      { name: 'app', uid: 1000, gid: 1000, home: '/home/app', shell: '/usr/sbin/nologin' },
      { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash' },
    ]);
  });

  it('reads groups with their members sorted', () => {
    expect(parseGroup('wheel:x:10:root,app\nroot:x:0:\n')).toEqual([
      { name: 'root', gid: 0, members: [] },
      { name: 'wheel', gid: 10, members: ['app', 'root'] },
    ]);
  });
});
