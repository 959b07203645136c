import { describe, expect, it } from 'vitest';
import { publicOrigin, trustedProxies } from './transport.ts';

describe('§5: the public URL and the trusted proxies, as configured', () => {
  it('a public URL is an http(s) origin; a trailing / is allowed, a path is not', () => {
    expect(publicOrigin('https://ib.example-shinkin.jp')).toBe('https://ib.example-shinkin.jp');
    expect(publicOrigin('https://IB.Example-Shinkin.jp:443/')).toBe('https://ib.example-shinkin.jp');
    expect(publicOrigin('http://localhost:8080/')).toBe('http://localhost:8080');
    for (const bad of [
      'ib.example-shinkin.jp',
      'ftp://ib.example-shinkin.jp',
      'https://ib.example-shinkin.jp/ib',
      'https://ib.example-shinkin.jp/?x=1',
      'https://user:pw@ib.example-shinkin.jp',
    ]) {
      expect(() => publicOrigin(bad), bad).toThrow(TypeError);
    }
  });

  it('trusted proxies are addresses, CIDRs or proxy-addr names; "true" and hop counts are refused', () => {
    expect(trustedProxies('10.0.0.5, 10.1.0.0/16,::1,loopback')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'loopback',
    ]);
    expect(() => trustedProxies('true')).toThrow(/hop counts/);
    expect(() => trustedProxies('1')).toThrow(/hop counts/);
    expect(() => trustedProxies('10.0.0.0/33')).toThrow(/invalid range/);
    expect(() => trustedProxies('proxy.example')).toThrow(/invalid IP address/);
    expect(() => trustedProxies('10.0.0.5,')).toThrow(/invalid IP address/);
  });
});
