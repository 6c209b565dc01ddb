import { describe, expect, it } from 'vitest';
import {
  extensionTones,
  iceServersFor,
  sessionSettings,
  userAgentSettings,
  type AvailableSoftphoneConfig,
} from './softphone';

/** What JsSIP is given; the calls themselves are tested in the browser against a phone system. */

const config: AvailableSoftphoneConfig = {
  available: true,
  webSocketUrl: 'wss://pbx.library.example:8443/ws',
  sipDomain: 'pbx.library.example',
  username: '204',
  authorizationUser: '',
  password: 'correct horse',
  displayName: 'Front desk',
  callerId: '',
  iceServers: [
    { urls: ['stun:stun.library.example:3478'], username: '', credential: '' },
    { urls: ['turns:turn.library.example:5349'], username: 'desk', credential: 'secret' },
  ],
  dtmf: 'rfc2833',
  extensionDelaySeconds: 2,
  testTarget: null,
};

describe('softphone settings', () => {
  it('registers as the staff member, reconnecting quickly, with session timers off', () => {
    expect(userAgentSettings(config)).toEqual({
      uri: 'sip:204@pbx.library.example',
      password: 'correct horse',
      display_name: 'Front desk',
      register: true,
      session_timers: false,
      connection_recovery_min_interval: 1,
      connection_recovery_max_interval: 5,
      user_agent: 'Outreach Desk',
    });
  });

  it('authenticates as the authorization user when there is one', () => {
    const settings = userAgentSettings({
      ...config,
      authorizationUser: 'desk204',
      displayName: '',
    });
    expect(settings.authorization_user).toBe('desk204');
    expect(settings).not.toHaveProperty('display_name');
  });

  it('leaves out empty ICE credentials, which RTCPeerConnection refuses', () => {
    expect(iceServersFor(config)).toEqual([
      { urls: ['stun:stun.library.example:3478'] },
      { urls: ['turns:turn.library.example:5349'], username: 'desk', credential: 'secret' },
    ]);
  });

  it('calls with audio only, from the chosen microphone', () => {
    expect(sessionSettings(config, 'mic-2')).toEqual({
      mediaConstraints: { audio: { deviceId: { exact: 'mic-2' } }, video: false },
      pcConfig: { iceServers: iceServersFor(config) },
      rtcOfferConstraints: { offerToReceiveAudio: true },
    });
    expect(sessionSettings(config, null).mediaConstraints).toEqual({ audio: true, video: false });
  });

  it('asks the phone system to show the library’s number, when there is one', () => {
    expect(
      sessionSettings({ ...config, callerId: '+1 (519) 555-0100' }, null).extraHeaders,
    ).toEqual(['P-Preferred-Identity: <sip:+15195550100@pbx.library.example>']);
  });

  it('dials only the keypad characters of an extension', () => {
    expect(extensionTones('ext. 204')).toBe('204');
    expect(extensionTones('12,34#')).toBe('12,34#');
    expect(extensionTones('x')).toBe('');
  });
});
