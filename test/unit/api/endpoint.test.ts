import * as assert from 'node:assert/strict';
import { isLoopbackHost, parseEndpoint } from '../../../src/api/endpoint';
import { isKind } from '../../../src/api/errors';

describe('api/endpoint (D13)', () => {
  const accepted: [string, string][] = [
    ['https://koodrive.example.com', 'https://koodrive.example.com/'],
    ['https://koodrive.example.com/', 'https://koodrive.example.com/'],
    ['https://koodrive.example.com/gateway/', 'https://koodrive.example.com/gateway'],
    ['  HTTPS://KooDrive.Example.com:8443  ', 'https://koodrive.example.com:8443/'],
    ['http://localhost:8080', 'http://localhost:8080/'],
    ['http://LOCALHOST', 'http://localhost/'],
    ['http://127.0.0.1:43117/', 'http://127.0.0.1:43117/'],
    ['http://127.200.3.4', 'http://127.200.3.4/'],
    ['http://[::1]:3000', 'http://[::1]:3000/'],
    ['http://[::1]', 'http://[::1]/'],
    ['http://127.0.0.1', 'http://127.0.0.1/'],
  ];
  for (const [raw, expected] of accepted) {
    it(`accepts ${JSON.stringify(raw)}`, () => {
      assert.equal(parseEndpoint(raw).toString(), expected);
    });
  }

  it('strips trailing slashes from the path', () => {
    assert.equal(parseEndpoint('https://h.example/base///').pathname, '/base');
  });

  const rejected = [
    '',
    '   ',
    'koodrive.example.com',
    '/koodrive/ose/v1',
    'http://koodrive.example.com',
    'http://example.com',
    'http://0.0.0.0:8080',
    'http://[::ffff:192.0.2.1]',
    'http://10.0.0.1:8080',
    'http://192.168.1.2',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
    'http://[::2]',
    'ftp://koodrive.example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:hunter2@koodrive.example.com',
    'https://token@koodrive.example.com',
    'https://koodrive.example.com/?x=1',
    'https://koodrive.example.com/?',
    'https://koodrive.example.com/#top',
    'https://koodrive.example.com#',
  ];
  for (const raw of rejected) {
    it(`rejects ${JSON.stringify(raw)} as a configuration error`, () => {
      assert.throws(() => parseEndpoint(raw), (error: unknown) => isKind(error, 'configuration'));
    });
  }

  it('never repeats the rejected value (it could hold credentials)', () => {
    try {
      parseEndpoint('https://alice:s3cr3t-pass@koodrive.example.com');
      assert.fail('accepted credentials');
    } catch (error) {
      assert.ok(isKind(error, 'configuration'));
      assert.doesNotMatch(`${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`, /s3cr3t|alice/);
      assert.match(error.message, /user name or password/);
    }
  });

  it('knows the loopback hosts', () => {
    assert.ok(isLoopbackHost('localhost'));
    assert.ok(isLoopbackHost('127.0.0.1'));
    assert.ok(isLoopbackHost('[::1]'));
    assert.ok(!isLoopbackHost('128.0.0.1'));
    assert.ok(!isLoopbackHost('example.com'));
  });
});
