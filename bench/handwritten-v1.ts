/**
 * A hand-written validator for the v1.0 "Update user" body: the baseline the generated validator is
 * measured against. It checks the same rules with direct code, the way someone would write it by hand.
 */
const STRING = new Set([
  'aboutMe',
  'city',
  'companyName',
  'country',
  'department',
  'displayName',
  'employeeId',
  'employeeType',
  'givenName',
  'jobTitle',
  'mail',
  'mailNickname',
  'mobilePhone',
  'mySite',
  'officeLocation',
  'onPremisesImmutableId',
  'passwordPolicies',
  'postalCode',
  'preferredLanguage',
  'state',
  'streetAddress',
  'surname',
  'usageLocation',
  'userPrincipalName',
  'userType',
  'ageGroup',
  'consentProvidedForMinor',
  'birthday',
  'employeeHireDate',
  'employeeLeaveDateTime',
]);
const STRINGS = new Set(['businessPhones', 'interests', 'otherMails', 'pastProjects', 'responsibilities', 'schools', 'skills']);
const OWN = new Set(['aboutMe', 'birthday', 'interests', 'mySite', 'pastProjects', 'responsibilities', 'schools', 'skills']);
const MAX = new Map<string, number>([
  ['city', 128],
  ['companyName', 64],
  ['country', 128],
  ['department', 64],
  ['displayName', 256],
  ['employeeId', 16],
  ['givenName', 64],
  ['jobTitle', 128],
  ['mailNickname', 64],
  ['mobilePhone', 64],
  ['postalCode', 40],
  ['state', 128],
  ['streetAddress', 1024],
  ['surname', 64],
]);
const UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]00:00)$/;
const EMAIL = /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const UPN_LOCAL = /^[A-Za-z0-9'.\-_!#^~]+$/;
const EXT = /^ext[a-z0-9]{8}_[A-Za-z0-9_]+$|^extension_[0-9a-fA-F]{32}_[A-Za-z0-9_]+$/;
/** The closed complex types: each property and its JSON type. */
const NESTED = new Map<string, Map<string, 'string' | 'boolean'>>([
  [
    'employeeOrgData',
    new Map([
      ['division', 'string'],
      ['costCenter', 'string'],
    ]),
  ],
  ['onPremisesExtensionAttributes', new Map(Array.from({ length: 15 }, (_, i) => [`extensionAttribute${i + 1}`, 'string'] as const))],
  [
    'passwordProfile',
    new Map([
      ['forceChangePasswordNextSignIn', 'boolean'],
      ['forceChangePasswordNextSignInWithMfa', 'boolean'],
      ['password', 'string'],
    ]),
  ],
]);

const chars = (s: string) => [...s].length;

function nested(key: string, v: Record<string, unknown>, errors: string[]): void {
  const props = NESTED.get(key);
  if (!props) return; // customSecurityAttributes is open
  for (const k of Object.keys(v)) {
    const t = props.get(k);
    if (!t) {
      if (!k.includes('@')) errors.push(`${key}/${k}: unknown-property`);
    } else if (v[k] !== null && typeof v[k] !== t) errors.push(`${key}/${k}: type`);
  }
}

export function handwrittenValidate(body: unknown): { valid: boolean; errors: string[] } {
  const errors: string[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { valid: false, errors: ['type'] };
  const b = body as Record<string, unknown>;
  let own = false;
  let other = false;
  for (const key of Object.keys(b)) {
    const v = b[key];
    if (OWN.has(key)) own = true;
    else if (STRING.has(key) || STRINGS.has(key) || NESTED.has(key) || key === 'customSecurityAttributes' || key === 'accountEnabled') other = true;
    if (v === null) {
      if (key === 'displayName' || key === 'mail' || key === 'usageLocation') errors.push(`${key}: not-nullable`);
      continue;
    }
    if (key === 'accountEnabled') {
      if (typeof v !== 'boolean') errors.push('accountEnabled: type');
    } else if (STRING.has(key)) {
      if (typeof v !== 'string') {
        errors.push(`${key}: type`);
        continue;
      }
      const max = MAX.get(key);
      if (max !== undefined && v.length > max && chars(v) > max) errors.push(`${key}: max-length`);
      if (key === 'displayName' && v === '') errors.push('displayName: not-nullable');
      if (key === 'usageLocation' && !/^[A-Z]{2}$/.test(v)) errors.push('usageLocation: country-code');
      if (key === 'ageGroup' && !['Minor', 'NotAdult', 'Adult'].includes(v)) errors.push('ageGroup: allowed-values');
      if (key === 'consentProvidedForMinor' && !['Granted', 'Denied', 'NotRequired'].includes(v)) errors.push('consent: allowed-values');
      if ((key === 'birthday' || key === 'employeeHireDate' || key === 'employeeLeaveDateTime') && !UTC.test(v)) errors.push(`${key}: format`);
      if (key === 'mail' && !EMAIL.test(v)) errors.push('mail: format');
      if (key === 'mySite' && !URI.test(v)) errors.push('mySite: format');
      if (key === 'preferredLanguage' && !LANGUAGE.test(v)) errors.push('preferredLanguage: format');
      if (key === 'onPremisesImmutableId' && /[$_]/.test(v)) errors.push('onPremisesImmutableId: forbidden-chars');
      if (key === 'userPrincipalName') {
        const at = v.lastIndexOf('@');
        if (!/^[^@\s]+@[^@\s]+$/.test(v)) errors.push('userPrincipalName: alias-domain');
        if (!UPN_LOCAL.test(at >= 0 ? v.slice(0, at) : v)) errors.push('userPrincipalName: allowed-chars');
      }
      if (key === 'passwordPolicies') {
        const parts = v.split(',').map((s) => s.trim());
        if (parts.some((p) => p !== 'DisableStrongPassword' && p !== 'DisablePasswordExpiration') || new Set(parts).size !== parts.length) {
          errors.push('passwordPolicies: flag-set');
        }
      }
    } else if (STRINGS.has(key)) {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) errors.push(`${key}: type`);
      else if (key === 'businessPhones' && v.length > 1) errors.push('businessPhones: max-items');
      else if (key === 'otherMails' && v.some((x) => !EMAIL.test(x))) errors.push('otherMails: format');
    } else if (NESTED.has(key) || key === 'customSecurityAttributes') {
      if (typeof v !== 'object' || Array.isArray(v)) errors.push(`${key}: type`);
      else nested(key, v as Record<string, unknown>, errors);
    } else if (!key.includes('@') && !EXT.test(key)) {
      errors.push(`${key}: unknown-property`);
    }
  }
  if (own && other) errors.push('own-request');
  return { valid: errors.length === 0, errors };
}
