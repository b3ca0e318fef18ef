import {
  checkAddress,
  checkSubscriberUrl,
  parseAllowedPrivateHosts,
  targetPolicyFromEnv,
  type TargetPolicy,
} from "../../../webhooks/delivery";

const strict: TargetPolicy = { allowHttp: false, allowedPrivate: [] };
const policy = (env: Record<string, string>): TargetPolicy => targetPolicyFromEnv(env);

describe("checkAddress", () => {
  it.each([
    ["127.0.0.1", 4, "loopback"],
    ["127.1.2.3", 4, "loopback"],
    ["::1", 6, "loopback"],
    ["10.1.2.3", 4, "private"],
    ["172.16.0.1", 4, "private"],
    ["172.31.255.255", 4, "private"],
    ["192.168.1.1", 4, "private"],
    ["169.254.169.254", 4, "metadata"],
    ["169.254.1.1", 4, "link-local"],
    ["fe80::1", 6, "link-local"],
    ["fe80::1%eth0", 6, "link-local"],
    ["fd00:ec2::254", 6, "metadata"],
    ["fd12:3456::1", 6, "unique local"],
    ["::ffff:127.0.0.1", 6, "IPv4-mapped"],
    ["::ffff:7f00:1", 6, "loopback"],
    ["::ffff:169.254.169.254", 6, "metadata"],
    ["64:ff9b::a00:1", 6, "NAT64"],
    ["64:ff9b::127.0.0.1", 6, "loopback"],
    ["2002:7f00:1::1", 6, "6to4"],
    ["2002:c0a8:101::", 6, "private"],
    ["0.0.0.0", 4, "unspecified"],
    ["0.1.2.3", 4, "unspecified"],
    ["::", 6, "unspecified"],
    ["224.0.0.1", 4, "multicast"],
    ["ff02::1", 6, "multicast"],
    ["100.64.0.1", 4, "carrier-grade NAT"],
    ["255.255.255.255", 4, "broadcast"],
    ["240.0.0.1", 4, "reserved"],
    ["198.18.0.1", 4, "benchmarking"],
    ["192.0.0.8", 4, "IETF"],
    ["192.0.2.1", 4, "documentation"],
    ["2001:db8::1", 6, "documentation"],
    ["::127.0.0.1", 6, "IPv4-compatible"],
    ["not-an-ip", 4, "not a valid"],
  ] as const)("refuses %s", (address, family, why) => {
    const verdict = checkAddress(address, family, address, 443, strict);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.reason).toContain(address);
      expect(verdict.reason).toContain(why);
      expect(verdict.reason).toContain("WEBHOOK_ALLOWED_PRIVATE_HOSTS");
    }
  });

  it.each([
    ["93.184.215.14", 4],
    ["8.8.8.8", 4],
    ["172.32.0.1", 4],
    ["100.128.0.1", 4],
    ["2606:4700::1111", 6],
    ["2a00:1450:4001:80b::200e", 6],
    ["::ffff:93.184.215.14", 6],
    ["64:ff9b::5db8:d70e", 6],
    ["2002:5db8:d70e::1", 6],
  ] as const)("allows the public address %s", (address, family) => {
    expect(checkAddress(address, family, "example.com", 443, strict)).toEqual({ ok: true });
  });

  it("allows a refused address when its host name, address or range is listed (with the right port)", () => {
    const listed = policy({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: "receiver.internal, 10.0.0.0/8, 127.0.0.1:8080, [::1]:9000, fd00::/8" });
    expect(checkAddress("192.168.7.7", 4, "Receiver.Internal", 443, listed)).toEqual({ ok: true });
    expect(checkAddress("192.168.7.7", 4, "receiver.internal.", 80, listed)).toEqual({ ok: true });
    expect(checkAddress("192.168.7.7", 4, "other.internal", 443, listed).ok).toBe(false);
    expect(checkAddress("10.200.3.4", 4, "anything.example", 443, listed)).toEqual({ ok: true });
    expect(checkAddress("127.0.0.1", 4, "127.0.0.1", 8080, listed)).toEqual({ ok: true });
    expect(checkAddress("::ffff:127.0.0.1", 6, "localhost", 8080, listed)).toEqual({ ok: true });
    expect(checkAddress("127.0.0.1", 4, "127.0.0.1", 8081, listed).ok).toBe(false);
    expect(checkAddress("127.0.0.2", 4, "127.0.0.2", 8080, listed).ok).toBe(false);
    expect(checkAddress("::1", 6, "::1", 9000, listed)).toEqual({ ok: true });
    expect(checkAddress("::1", 6, "::1", 9001, listed).ok).toBe(false);
    expect(checkAddress("fd00:ec2::254", 6, "x", 80, listed)).toEqual({ ok: true });
    expect(checkAddress("fe80::1", 6, "x", 80, listed).ok).toBe(false);
  });
});

describe("checkSubscriberUrl", () => {
  it.each([
    ["https://example.com/webhooks"],
    ["https://example.com:8443/hooks?x=1"],
    ["https://93.184.215.14/hook"],
    ["https://[2606:4700::1111]/hook"],
    // host names are judged on their addresses at connection time
    ["https://localhost/hook"],
    ["https://internal.corp/hook"],
  ])("accepts %s", (url) => {
    const result = checkSubscriberUrl(url, strict);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.url.href).toBe(new URL(url).href);
  });

  it.each([
    ["not a url", "invalid_url"],
    ["/relative/path", "invalid_url"],
    ["", "invalid_url"],
    ["http://example.com/hook", "scheme_not_allowed"],
    ["ftp://example.com/hook", "scheme_not_allowed"],
    ["file:///etc/passwd", "scheme_not_allowed"],
    ["javascript:alert(1)", "scheme_not_allowed"],
    ["https://user:pass@example.com/hook", "credentials_in_url"],
    ["https://user@example.com/hook", "credentials_in_url"],
    [`https://example.com/${"a".repeat(2048)}`, "too_long"],
    ["https://127.0.0.1/hook", "address_not_allowed"],
    ["https://127.1.2.3/hook", "address_not_allowed"],
    ["https://[::1]/hook", "address_not_allowed"],
    ["https://10.1.2.3/hook", "address_not_allowed"],
    ["https://172.16.0.1/hook", "address_not_allowed"],
    ["https://192.168.1.1/hook", "address_not_allowed"],
    ["https://169.254.169.254/latest/meta-data/", "address_not_allowed"],
    ["https://[fe80::1]/hook", "address_not_allowed"],
    ["https://[fd00:ec2::254]/hook", "address_not_allowed"],
    ["https://[::ffff:127.0.0.1]/hook", "address_not_allowed"],
    ["https://0.0.0.0/hook", "address_not_allowed"],
    ["https://224.0.0.1/hook", "address_not_allowed"],
    ["https://100.64.0.1/hook", "address_not_allowed"],
    // non-standard IPv4 forms are normalized by the URL parser, then judged
    ["https://2130706433/hook", "address_not_allowed"],
    ["https://0x7f.1/hook", "address_not_allowed"],
    ["https://127.1/hook", "address_not_allowed"],
  ])("refuses %s (%s)", (url, rule) => {
    const result = checkSubscriberUrl(url, strict);
    expect(result).toMatchObject({ ok: false, rule });
    if (!result.ok) expect(result.message).toMatch(/^[A-Z].+\.$/);
  });

  it("explains the https rule in plain words", () => {
    const result = checkSubscriberUrl("http://example.com/hook", strict);
    expect(result).toEqual({
      ok: false,
      rule: "scheme_not_allowed",
      message:
        "Webhook URLs must use https (http is allowed only for hosts listed in WEBHOOK_ALLOWED_PRIVATE_HOSTS, or everywhere with WEBHOOK_ALLOW_HTTP=true).",
    });
  });

  it("accepts a URL of exactly 2048 characters", () => {
    const url = `https://example.com/${"a".repeat(2048 - "https://example.com/".length)}`;
    expect(url).toHaveLength(2048);
    expect(checkSubscriberUrl(url, strict).ok).toBe(true);
  });

  it("allows http for public hosts with WEBHOOK_ALLOW_HTTP=true, still refusing private addresses", () => {
    const allowHttp = policy({ WEBHOOK_ALLOW_HTTP: "true" });
    expect(checkSubscriberUrl("http://example.com/hook", allowHttp).ok).toBe(true);
    expect(checkSubscriberUrl("http://93.184.215.14/hook", allowHttp).ok).toBe(true);
    expect(checkSubscriberUrl("http://127.0.0.1/hook", allowHttp)).toMatchObject({ ok: false, rule: "address_not_allowed" });
  });

  it("allows http (and the address) for listed targets only, on the listed port", () => {
    const listed = policy({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1:8080,[::1]:9000,10.0.0.0/8,receiver.internal" });
    expect(checkSubscriberUrl("http://127.0.0.1:8080/hook", listed).ok).toBe(true);
    expect(checkSubscriberUrl("https://127.0.0.1:8080/hook", listed).ok).toBe(true);
    expect(checkSubscriberUrl("http://127.0.0.1:8081/hook", listed)).toMatchObject({ ok: false, rule: "scheme_not_allowed" });
    expect(checkSubscriberUrl("https://127.0.0.1:8081/hook", listed)).toMatchObject({ ok: false, rule: "address_not_allowed" });
    expect(checkSubscriberUrl("http://127.0.0.1/hook", listed)).toMatchObject({ ok: false, rule: "scheme_not_allowed" });
    expect(checkSubscriberUrl("http://[::1]:9000/hook", listed).ok).toBe(true);
    expect(checkSubscriberUrl("https://[::1]:9001/hook", listed)).toMatchObject({ ok: false, rule: "address_not_allowed" });
    expect(checkSubscriberUrl("http://10.9.8.7:3000/hook", listed).ok).toBe(true);
    expect(checkSubscriberUrl("http://RECEIVER.internal/hook", listed).ok).toBe(true);
    expect(checkSubscriberUrl("http://other.internal/hook", listed)).toMatchObject({ ok: false, rule: "scheme_not_allowed" });
    expect(checkSubscriberUrl("http://example.com/hook", listed)).toMatchObject({ ok: false, rule: "scheme_not_allowed" });
    expect(checkSubscriberUrl("https://192.168.0.1/hook", listed)).toMatchObject({ ok: false, rule: "address_not_allowed" });
  });
});

describe("targetPolicyFromEnv", () => {
  it("defaults to https only and no private targets", () => {
    expect(targetPolicyFromEnv({})).toEqual({ allowHttp: false, allowedPrivate: [] });
    expect(targetPolicyFromEnv({ WEBHOOK_ALLOW_HTTP: "false", WEBHOOK_ALLOWED_PRIVATE_HOSTS: " " })).toEqual(strict);
  });

  it("reads WEBHOOK_ALLOW_HTTP", () => {
    expect(targetPolicyFromEnv({ WEBHOOK_ALLOW_HTTP: "true" }).allowHttp).toBe(true);
    expect(targetPolicyFromEnv({ WEBHOOK_ALLOW_HTTP: "TRUE" }).allowHttp).toBe(true);
    expect(targetPolicyFromEnv({ WEBHOOK_ALLOW_HTTP: "0" }).allowHttp).toBe(false);
    expect(() => targetPolicyFromEnv({ WEBHOOK_ALLOW_HTTP: "sometimes" })).toThrow(/WEBHOOK_ALLOW_HTTP.*"sometimes"/);
  });

  it("parses WEBHOOK_ALLOWED_PRIVATE_HOSTS entries", () => {
    const { allowedPrivate } = targetPolicyFromEnv({
      WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1:8080, [::1]:9000 ,10.0.0.0/8,receiver.internal,fd00::/8,Hooks.Local:3000,::1,[fd00::/16]:443,",
    });
    expect(allowedPrivate).toEqual([
      { kind: "network", family: 4, address: "127.0.0.1", prefix: 32, port: 8080, entry: "127.0.0.1:8080" },
      { kind: "network", family: 6, address: "::1", prefix: 128, port: 9000, entry: "[::1]:9000" },
      { kind: "network", family: 4, address: "10.0.0.0", prefix: 8, entry: "10.0.0.0/8" },
      { kind: "host", host: "receiver.internal", entry: "receiver.internal" },
      { kind: "network", family: 6, address: "fd00::", prefix: 8, entry: "fd00::/8" },
      { kind: "host", host: "hooks.local", port: 3000, entry: "Hooks.Local:3000" },
      { kind: "network", family: 6, address: "::1", prefix: 128, entry: "::1" },
      { kind: "network", family: 6, address: "fd00::", prefix: 16, port: 443, entry: "[fd00::/16]:443" },
    ]);
  });

  it.each([
    ["10.0.0.0/33", "prefix"],
    ["10.0.0.0/x", "prefix"],
    ["999.1.1.1/8", "CIDR"],
    ["127.0.0.1:0", "port"],
    ["127.0.0.1:70000", "port"],
    ["receiver.internal:http", "port"],
    ["[::1", "]"],
    ["[127.0.0.1]:80", "brackets"],
    ["https://receiver.internal", "port"],
    ["*.internal", "host name"],
    ["under score!", "host name"],
    ["127.1", "non-standard"],
    ["1.2.3.4.5", "host name"],
  ])("throws on the invalid entry %s, naming it", (entry, why) => {
    const run = () => parseAllowedPrivateHosts(`receiver.internal,${entry}`);
    expect(run).toThrow(`"${entry}"`);
    expect(run).toThrow(why);
    expect(() => targetPolicyFromEnv({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: entry })).toThrow(/WEBHOOK_ALLOWED_PRIVATE_HOSTS/);
  });
});
