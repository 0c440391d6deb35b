/** The generated types reject what the docs forbid and accept what they allow (checked by tsc). */
import { describe, expectTypeOf, it } from 'vitest';
import type * as beta from '../../generated/user-update/beta.js';
import type { DateTimeOffset, PasswordProfile, RequestBody } from '../../generated/user-update/v1.0.js';

describe('v1.0 request body type', () => {
  it('accepts documented values', () => {
    expectTypeOf({ officeLocation: '18/2111' }).toExtend<RequestBody>();
    expectTypeOf({ ageGroup: 'NotAdult' as const, businessPhones: ['+1 425 555 0109'] }).toExtend<RequestBody>();
    expectTypeOf({ ageGroup: null }).toExtend<RequestBody>();
    expectTypeOf({ ext55gb1l09_msLearnCourses: { courseType: 'Admin' } }).toExtend<RequestBody>();
    expectTypeOf({ '@odata.type': '#microsoft.graph.user' }).toExtend<RequestBody>();
    expectTypeOf<RequestBody['birthday']>().toEqualTypeOf<DateTimeOffset | null | undefined>();
    expectTypeOf<NonNullable<RequestBody['passwordProfile']>>().toEqualTypeOf<PasswordProfile>();
  });

  it('rejects what the docs forbid', () => {
    // @ts-expect-error 'Teen' is not an allowed value of ageGroup
    const teen: RequestBody = { ageGroup: 'Teen' };
    // @ts-expect-error accountEnabled is a Boolean
    const yes: RequestBody = { accountEnabled: 'yes' };
    // @ts-expect-error displayName can't be cleared
    const cleared: RequestBody = { displayName: null };
    // @ts-expect-error not a documented property
    const unknown: RequestBody = { officeLocaton: '18/2111' };
    void [teen, yes, cleared, unknown];
  });

  it('beta has the properties v1.0 lacks', () => {
    expectTypeOf({ identities: [{ signInType: 'emailAddress', issuer: 'contoso.com', issuerAssignedId: 'a@b.c' }] }).toExtend<beta.RequestBody>();
    // @ts-expect-error identities is beta-only
    const v1: RequestBody = { identities: [] };
    void v1;
  });
});
