import { cronLines } from './cron.js';

describe('cronLines', () => {
  it('keeps entries with whitespace collapsed and drops comments, blank lines and assignments', () => {
    const text = '# m h dom mon dow user command\nSHELL=/bin/sh\nMAILTO = root\n\n*/15\t*  * * *\troot  run-parts /etc/periodic/15min  \n  @reboot root /opt/start\n';
    expect(cronLines(text)).toEqual(['*/15 * * * * root run-parts /etc/periodic/15min', '@reboot root /opt/start']);
  });
});
