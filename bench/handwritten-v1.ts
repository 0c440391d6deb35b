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
const OBJECTS = new Set(['customSecurityAttributes', 'employeeOrgData', 'onPremisesExtensionAttributes', 'passwordProfile']);
const OWN = new Set(['aboutMe', 'birthday', 'interests', 'mySite', 'pastProjects', 'responsibilities', 'schools', 'skills']);
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const UPN_LOCAL = /^[A-Za-z0-9'.\-_!#^~]+$/;
const EXT = /^ext[a-z0-9]{8}_[A-Za-z0-9_]+$|^extension_[0-9a-fA-F]{32}_[A-Za-z0-9_]+$/;

export function handwrittenValidate(body: unknown): { valid: boolean; errors: string[] } {
  const errors: string[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { valid: false, errors: ['type'] };
  const b = body as Record<string, unknown>;
  let own = false;
  let other = false;
  for (const key of Object.keys(b)) {
    const v = b[key];
    if (OWN.has(key)) own = true;
    else if (STRING.has(key) || STRINGS.has(key) || OBJECTS.has(key) || key === 'accountEnabled') other = true;
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
      const n = [...v].length;
      if (key === 'companyName' && n > 64) errors.push('companyName: max-length');
      if (key === 'employeeId' && n > 16) errors.push('employeeId: max-length');
      if (key === 'usageLocation' && !/^[A-Z]{2}$/.test(v)) errors.push('usageLocation: country-code');
      if (key === 'ageGroup' && !['Minor', 'NotAdult', 'Adult'].includes(v)) errors.push('ageGroup: allowed-values');
      if (key === 'consentProvidedForMinor' && !['Granted', 'Denied', 'NotRequired'].includes(v)) errors.push('consent: allowed-values');
      if ((key === 'birthday' || key === 'employeeHireDate' || key === 'employeeLeaveDateTime') && !DATE.test(v)) errors.push(`${key}: format`);
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
    } else if (OBJECTS.has(key)) {
      if (typeof v !== 'object' || Array.isArray(v)) errors.push(`${key}: type`);
    } else if (!key.includes('@') && !EXT.test(key)) {
      errors.push(`${key}: unknown-property`);
    }
  }
  if (own && other) errors.push('own-request');
  return { valid: errors.length === 0, errors };
}
