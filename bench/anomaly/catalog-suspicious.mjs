// Packages nobody installs in an application image by accident: remote access, scanners, debuggers, tunnels, miners.
// Same line format as the distribution catalogs.

export const DEBIAN_SUSPICIOUS = `
openssh-server 1:9.2p1-2+deb12u2 openssh /usr/sbin/sshd
openssh-client 1:9.2p1-2+deb12u2 openssh /usr/bin/ssh /usr/bin/scp
netcat-openbsd 1.219-1 /usr/bin/nc.openbsd
netcat-traditional 1.10-47 /usr/bin/nc.traditional
socat 1.7.4.4-2 /usr/bin/socat
nmap 7.93+dfsg1-1 /usr/bin/nmap
tcpdump 4.99.3-1 /usr/bin/tcpdump
gdb 13.1-3 /usr/bin/gdb
strace 6.1-0.1 /usr/bin/strace
ltrace 0.7.3-6.4 /usr/bin/ltrace
telnet 0.17+2.4-2+deb12u1 inetutils /usr/bin/telnet.netkit
proxychains4 4.16-2 proxychains-ng /usr/bin/proxychains4
tor 0.4.7.16-1 /usr/bin/tor
iodine 0.7.0-10 /usr/sbin/iodine
`;

export const ALPINE_SUSPICIOUS = `
openssh-server 9.6_p1-r0 openssh /usr/sbin/sshd
openssh-client-default 9.6_p1-r0 openssh /usr/bin/ssh /usr/bin/scp
netcat-openbsd 1.226-r0 /usr/bin/nc
socat 1.8.0.0-r0 /usr/bin/socat
nmap 7.94-r0 /usr/bin/nmap
tcpdump 4.99.4-r1 /usr/bin/tcpdump
gdb 14.1-r0 /usr/bin/gdb
strace 6.6-r0 /usr/bin/strace
busybox-extras 1.36.1-r15 busybox /bin/busybox-extras
tor 0.4.8.10-r0 /usr/bin/tor
xmrig 6.21.0-r0 /usr/bin/xmrig
proxychains-ng 4.16-r3 /usr/bin/proxychains4
`;
