/**
 * Every kind of drift change, with the audience it breaks and why. The drift code computes each change's
 * `breaking` from the two sides; this table is the rule it follows, the README's change table is generated
 * from it, and a test ties every kind the differ emits to an entry here.
 */

/** Who a kind of change breaks: always the same side, it depends on the values, or nobody. */
export type Audience = 'client' | 'server' | 'both' | 'depends' | 'none';

export interface ChangeKindInfo {
  /** What the change is, in a phrase. */
  summary: string;
  breaks: Audience;
  /** Why it breaks that audience (or nobody). */
  why: string;
}

export const CHANGE_KINDS = {
  'property-added': {
    summary: 'B documents a request property A does not',
    breaks: 'server',
    why: 'a server built on A refuses a body that sets it',
  },
  'property-removed': {
    summary: 'A documents a request property B does not',
    breaks: 'client',
    why: 'a client built on A sends a property B refuses',
  },
  'property-renamed': {
    summary: 'a property is only in A, a same-typed one with a similar name only in B',
    breaks: 'both',
    why: 'clients send the old name, servers built on A do not know the new one',
  },
  'type-changed': {
    summary: 'the JSON type of a property changed',
    breaks: 'depends',
    why: 'a narrower type breaks clients, a wider one servers, an unrelated one both',
  },
  'collection-changed': {
    summary: 'a property became or stopped being a collection',
    breaks: 'both',
    why: 'an array and a single value are not interchangeable',
  },
  'enum-values-added': {
    summary: 'B allows enum values A does not, or restricts a free value to a list',
    breaks: 'depends',
    why: 'new values break servers built on A; a new list where A had none breaks clients',
  },
  'enum-values-removed': {
    summary: 'B no longer allows some enum values, or drops the list',
    breaks: 'depends',
    why: 'dropped values break clients that send them; a list dropped altogether breaks servers',
  },
  'enum-values-recased': {
    summary: 'enum values are written in another letter case',
    breaks: 'none',
    why: 'a reasonable server matches enum values in any letter case, so docspec reads a recasing as a tolerance, not a contract change',
  },
  'constraint-added': {
    summary: 'B states a rule A does not',
    breaks: 'depends',
    why: 'a new restriction breaks clients; a conditional, informational or least-privileged statement breaks nobody',
  },
  'constraint-removed': {
    summary: 'A states a rule B does not',
    breaks: 'depends',
    why: 'servers built on A still refuse what B allows; a permission requirement dropped only accepts more callers',
  },
  'constraint-tightened': {
    summary: 'a rule allows less in B',
    breaks: 'depends',
    why: 'a client built on A may send what B refuses; nobody breaks when the rule is informational or conditional',
  },
  'constraint-loosened': {
    summary: 'a rule allows more in B',
    breaks: 'depends',
    why: 'a server built on A refuses what B allows; nobody breaks when the rule is informational or conditional',
  },
  'constraint-changed': {
    summary: 'a rule changed so that neither side contains the other',
    breaks: 'depends',
    why: 'each side allows something the other refuses; nobody breaks when the rule is informational or conditional',
  },
  'nullability-changed': {
    summary: 'a property may or may no longer be null',
    breaks: 'depends',
    why: 'forbidding null breaks clients that send it; allowing it breaks servers that refuse it',
  },
  'status-changed': {
    summary: 'the documented success status changed',
    breaks: 'depends',
    why: 'clients check for the status A promised and servers answer with it; a status only one side documents breaks nobody',
  },
  'response-body-changed': {
    summary: 'the response body appears, disappears or changes type',
    breaks: 'depends',
    why: 'a body that disappears breaks clients that read it; one that appears must now be sent by servers',
  },
  'method-changed': { summary: 'the HTTP method changed', breaks: 'both', why: 'requests built on A go to another route' },
  'path-added': { summary: 'B documents a path A does not', breaks: 'server', why: 'a server built on A does not serve it' },
  'path-changed': {
    summary: 'a path is written differently',
    breaks: 'depends',
    why: 'fewer ways to address the resource break clients; more break servers; a renamed placeholder breaks nobody',
  },
  'path-removed': { summary: 'A documents a path B does not', breaks: 'client', why: 'a client built on A calls it' },
  'header-added': {
    summary: 'B documents a request header A does not',
    breaks: 'depends',
    why: 'a required header breaks clients that do not send it; an optional one breaks nobody',
  },
  'header-removed': {
    summary: 'A documents a request header B does not',
    breaks: 'depends',
    why: 'a server built on A may still require it',
  },
  'header-changed': {
    summary: 'a header value or whether it is required changed',
    breaks: 'depends',
    why: 'a new value breaks both sides; becoming required breaks clients, becoming optional breaks servers',
  },
  'permission-changed': {
    summary: 'the permissions accepted for the operation or a property changed',
    breaks: 'depends',
    why: 'a permission no longer accepted for a scenario breaks clients that hold only it; newly accepted permissions, least-privileged wording, restated any-of/all-of and role sentences break nobody',
  },
  'group-changed': {
    summary: 'a property joined or left a group a note restricts together',
    breaks: 'depends',
    why: 'joining an own-request group restricts what a request may combine (clients); leaving it loosens (servers)',
  },
  'extensions-changed': {
    summary: 'whether extension properties may be sent changed',
    breaks: 'depends',
    why: 'allowing them breaks servers built on A; forbidding them breaks clients',
  },
  'partial-update-changed': {
    summary: 'whether omitted properties keep their values changed',
    breaks: 'depends',
    why: 'clients that send only what they change rely on the others being kept',
  },
  'docs-only': {
    summary: 'docs vs metadata: the docs list a property the metadata lacks',
    breaks: 'client',
    why: 'a client following the docs sends a property the service does not know',
  },
  'metadata-only': {
    summary: 'docs vs metadata: the metadata has a property the docs omit',
    breaks: 'none',
    why: 'nothing documented is refused; the docs are incomplete',
  },
  'type-disagrees': {
    summary: 'docs vs metadata: a property has different types',
    breaks: 'depends',
    why: 'reading the metadata as what the service implements: a narrower service type breaks clients, a wider one breaks servers built on the docs',
  },
  'nullability-disagrees': {
    summary: 'docs vs metadata: they disagree on whether a property may be null',
    breaks: 'depends',
    why: 'the docs allow null and the service does not: clients break; the reverse: servers built on the docs',
  },
  'operation-added': { summary: 'a docs tree: an operation page only in HEAD', breaks: 'server', why: 'servers built on BASE do not implement it' },
  'operation-removed': { summary: 'a docs tree: an operation page only in BASE', breaks: 'client', why: 'clients built on BASE call it' },
} as const satisfies Record<string, ChangeKindInfo>;

export type ChangeKind = keyof typeof CHANGE_KINDS;
