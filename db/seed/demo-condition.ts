/**
 * Realistic condition data for demo devices, as a Phonecheck run would report it:
 * battery 72–100% skewed high with cycles to match, mostly unlocked (some locked to
 * AT&T, Verizon or T-Mobile), mostly a clean blacklist with a few unknown, activation
 * lock off, rare functional fails naming their checks, tested in the last 60 days.
 * Drawn from its own seeded generator, so the rest of the demo stays as it was.
 */
export type DemoCondition = {
  batteryHealth: number;
  batteryCycles: number;
  carrierLock: 'unlocked' | 'locked' | 'unknown';
  carrier: string | null;
  blacklistStatus: 'clean' | 'blacklisted' | 'unknown';
  activationLock: 'off' | 'on' | 'unknown';
  functionalTest: 'pass' | 'fail';
  failedChecks: string[];
  cosmeticNotes: string | null;
  /** Minutes before now the device was tested (up to 60 days). */
  testedMinutesAgo: number;
};

const carriers = ['AT&T', 'Verizon', 'T-Mobile'];
const checks = ['Face ID', 'Rear camera', 'Front camera', 'Microphone', 'Loudspeaker', 'Proximity sensor', 'Wi-Fi', 'Bluetooth', 'True Tone', 'Vibration motor'];
const notes = ['Light scratches on the screen', 'Minor scuffs on the frame', 'Small dent on one corner', 'Faint wear on the back glass', 'Hairline scratch on the camera ring'];

export function demoCondition(random: () => number): DemoCondition {
  const r = random();
  const batteryHealth = 100 - Math.floor(r * r * 29);
  const batteryCycles = Math.round((100 - batteryHealth) * 28 + random() * 120);
  const lock = random();
  const carrierLock = lock < 0.82 ? 'unlocked' : lock < 0.97 ? 'locked' : 'unknown';
  const carrier = carrierLock === 'locked' ? carriers[Math.floor(random() * carriers.length)]! : null;
  const b = random();
  const blacklistStatus = b < 0.95 ? 'clean' : b < 0.98 ? 'unknown' : 'blacklisted';
  const activationLock = random() < 0.995 ? 'off' : 'unknown';
  const fails = random() < 0.04;
  const failedChecks = fails ? [...new Set([checks[Math.floor(random() * checks.length)]!, ...(random() < 0.3 ? [checks[Math.floor(random() * checks.length)]!] : [])])] : [];
  const cosmeticNotes = random() < 0.25 ? notes[Math.floor(random() * notes.length)]! : null;
  const testedMinutesAgo = Math.floor(random() * 60 * 24 * 60);
  return { batteryHealth, batteryCycles, carrierLock, carrier, blacklistStatus, activationLock, functionalTest: fails ? 'fail' : 'pass', failedChecks, cosmeticNotes, testedMinutesAgo };
}
