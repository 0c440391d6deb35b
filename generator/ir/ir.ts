/**
 * The spec IR: the contract between the generator and every later stage (emitter, drift, harness).
 * Plain JSON data only, so a user can hand-edit or diff `spec/<operation>.<variant>.json` and get the same
 * effect as changing the page. Every item that came from the docs carries a `source` (file, line, column).
 */

/**
 * Bumped when the shape changes incompatibly; `spec/spec.schema.json` describes this version. Format 2 added
 * constraint kinds (minLength, minimum, maximum, required, prose formats), conditions on constraints and
 * responses, any-of/all-of permissions, and response body collections; the flagSet and conditional kinds were
 * added to it later (a spec that uses them needs a docspec that knows them).
 */
export const SPEC_FORMAT_VERSION = 2;

export interface SourceRef {
  /** Path of the docs file as given to the generator (relative to the working directory when possible). */
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A finding about the docs themselves. Collected, never thrown. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  hint?: string;
}

export type PrimitiveName =
  | 'String'
  | 'Boolean'
  | 'Int16'
  | 'Int32'
  | 'Int64'
  | 'Byte'
  | 'Double'
  | 'Single'
  | 'Decimal'
  | 'DateTimeOffset'
  | 'Date'
  | 'TimeOfDay'
  | 'Duration'
  | 'Guid'
  | 'Binary'
  | 'Stream';

/**
 * A parsed type column. `named` types are complex or enum types; `resolution` says what the generator made
 * of the name: a complex type in `spec.types`, an enum (values in the property's `enum` constraint or in
 * `spec.types`), or unresolved (treated as an open object and diagnosed).
 */
export type TypeRef =
  | { kind: 'primitive'; name: PrimitiveName; collection: boolean }
  | {
      kind: 'named';
      name: string;
      collection: boolean;
      /** Link target in the docs (resource page), when the type cell had one. */
      link?: string;
      /** The Type cell as written, when it is no type expression and reads as any value (`Json`). */
      written?: string;
      resolution: 'complex' | 'enum' | 'unresolved';
    };

/**
 * String formats a constraint can name: the type column's (`date-time` … `uuid`), and those the prose
 * names (`uri`, `email`, `language-tag` for ISO 639-1 / BCP 47 tags, `utc-date-time` for "always in UTC").
 */
export type StringFormat =
  | 'date-time'
  | 'utc-date-time'
  | 'date'
  | 'time'
  | 'duration'
  | 'uuid'
  | 'alias@domain'
  | 'uri'
  /** "This must be https.": an absolute URL whose scheme is https. */
  | 'https-uri'
  | 'email'
  | 'language-tag'
  /** "a base-64 encoded version of the certificate": RFC 4648 base64, padded. */
  | 'base64';

/** What a mined constraint says, by kind. Every kind is described once in `constraint-kinds.ts`. */
export type ConstraintValue =
  | { kind: 'maxLength'; max: number }
  | { kind: 'minLength'; min: number }
  | {
      kind: 'minimum';
      value: number;
      /** "greater than 0": the value itself is not allowed. */
      exclusive: boolean;
    }
  | { kind: 'maximum'; value: number; exclusive: boolean }
  | { kind: 'enum'; values: (string | number | null)[] }
  | { kind: 'notNullable' }
  | { kind: 'maxItems'; max: number }
  | { kind: 'itemMaxLength'; max: number }
  | { kind: 'forbiddenChars'; chars: string[] }
  | {
      kind: 'allowedChars';
      /** Every single allowed character, ranges expanded. */
      chars: string;
      /** `local-part`: the rule applies before the `@` of an `alias@domain` value. */
      scope: 'whole' | 'local-part';
    }
  | { kind: 'countryCode'; standard: 'ISO 3166-1 alpha-2' }
  | { kind: 'format'; format: StringFormat }
  | { kind: 'flagSet'; values: string[]; separator: ',' }
  | { kind: 'requiredOnCreate' }
  /** "Required." in a request table: the body must name the property (create and action bodies; a PATCH only
   * shows it). */
  | { kind: 'required' }
  | { kind: 'readOnly' }
  | { kind: 'updateLimit'; times: number }
  /**
   * A rule that holds only under a condition the request does not settle, often about another property or
   * operation ("Assigning to the ScopeTags property is not allowed" / "when this value is false"): the
   * statement is shown with its condition (the constraint's `condition`), never enforced.
   */
  | { kind: 'conditional'; statement: string; condition: string }
  | {
      kind: 'requiresPermission';
      permissions: string[];
      scenario: 'delegated' | 'application' | 'any';
      /** `any-of`: one of the permissions suffices ("A or B"); `all-of`: the caller needs every one ("A and B"). */
      combine: 'any-of' | 'all-of';
      /** The docs name the least privileged choice; higher privileged permissions are accepted too. */
      least: boolean;
    };

/**
 * How the docs word a rule: `binding` ("must", "Maximum length is", "Possible values are", "Required", "can't",
 * "only") or `advisory` ("should", a descriptive noun phrase such as "The URL for …"). See `strength.ts`.
 */
export type Strength = 'binding' | 'advisory';

/** A constraint found by a registered rule in a sentence of the docs. */
export type Constraint = ConstraintValue & {
  /** Id of the rule in the registry that found it (see `generator/extract/rules`). */
  rule: string;
  /** The sentence (plain text) the rule matched. */
  sentence: string;
  /**
   * The scope the docs give the rule ("For Azure AD B2C accounts", "for users with privileged administrator
   * roles"). A conditional constraint is shown in JSDoc and reports but never enforced: docspec cannot tell
   * from a request whether the condition holds.
   */
  condition?: string;
  /**
   * Present, as `advisory`, when the sentence advises rather than demands; absent means binding. An advisory
   * constraint is shown in JSDoc and reports, and neither validators nor certification enforce it (a strict
   * certification does).
   */
  strength?: Strength;
  source: SourceRef;
};

export interface Property {
  name: string;
  type: TypeRef;
  /** Description as plain text (markup removed, list items on their own lines). */
  description: string;
  constraints: Constraint[];
  /** "Inherited from [entity]" in generated stub pages. */
  inheritedFrom?: string;
  /**
   * The resource page's type for the property, when it gives a value of another JSON shape than the row's
   * (`otherMails`: String in v1.0's Update user table, String collection in user.md). No value is valid under
   * both readings, so certification sends none as valid.
   */
  resourceType?: { type: TypeRef; source: SourceRef };
  /**
   * The table's own type, when the resource page and the page's example agree on another and `type` became
   * theirs (`pipeline/example-readings.ts`). Drift, the variant matrix and the metadata comparison compare
   * this one: what the docs' table states, so an edit of the cell is still a type change.
   */
  tableType?: TypeRef;
  /** Where `type` was read, when not the row itself (the resource page's row, with `tableType`): type errors cite it. */
  typeSource?: SourceRef;
  /**
   * `resource`: no table row names the property; the body section names it through its resource ("supply a
   * JSON representation of a [channel] object", "specify other writable properties"). Validators accept it;
   * certification sends it only where the page requires it, since a resource page does not say what a
   * create or update takes. `example`: no table row names it and only the page's own example sends it, while
   * no source closes the body against it (`pipeline/example-readings.ts`): typed from the resource page when
   * that lists it, else any value; certification never sends it, and drift does not compare it.
   */
  via?: 'resource' | 'example';
  source: SourceRef;
}

export interface ComplexType {
  kind: 'complex';
  name: string;
  /** Open types accept any property (e.g. customSecurityAttributeValue). */
  open: boolean;
  properties: Property[];
  /**
   * Names in the resource page's Relationships table (navigation properties such as `post.attachments`). Not
   * properties, but a request may nest them (deep insert), so the example check does not call them unknown.
   */
  relationships?: string[];
  /** The resource page it was read from; absent for types only known by name. */
  source?: SourceRef;
}

export interface EnumType {
  kind: 'enum';
  name: string;
  values: string[];
  /**
   * The members' values are powers of two (1, 2, 4, …): an OData flags enum, whose value is a comma-separated
   * list of members (`"apps,tabs,settings"`), each member alone one of them.
   */
  flags?: boolean;
  source?: SourceRef;
}

export type TypeDef = ComplexType | EnumType;

/** A group of properties a note restricts together. */
export interface PropertyGroup {
  /** `own-request`: members must be sent without the other table properties. `app-only-forbidden`: an app
   * with only application permissions cannot update them. */
  kind: 'own-request' | 'app-only-forbidden';
  rule: string;
  members: string[];
  sentence: string;
  source: SourceRef;
}

export interface PathTemplate {
  /** As written, e.g. `/widgets/{id | name}`. */
  template: string;
  /** Path parameters; `alternatives` lists the `a | b` choices of one segment. */
  params: {
    /** Unique in the template: a name the template repeats (`/groups/{id}/members/{id}`) takes the example's. */
    name: string;
    alternatives: string[];
    /** The placeholder an example request writes at this position (`{group-id}`), when one does. */
    example?: string;
  }[];
  /** Where the docs state it: the HTTP request block, or only an example URL. */
  origin: 'http-request' | 'example';
  source: SourceRef;
}

export interface HeaderSpec {
  name: string;
  value: string;
  required: boolean;
  /** Whether the docs say "Required"/"Optional" (false: required is this tool's default reading). */
  stated: boolean;
  source: SourceRef;
}

export interface ResponseSpec {
  status: number;
  statusText: string;
  /**
   * When the docs say this status applies ("when updating the following properties: …", "when the object is
   * already a member of the group"); absent for the status every successful call gets.
   */
  condition?: string;
  /** Resource type of the response body; absent when the docs promise no body. */
  bodyType?: string;
  /** The body is a collection of `bodyType` ("a collection of group objects in the response body"). */
  bodyCollection?: boolean;
  source: SourceRef;
}

export interface HttpMessageExample {
  /** Request line or status line. */
  startLine: string;
  method?: string;
  url?: string;
  /** Path relative to the service root, e.g. `/me` (requests only). */
  path?: string;
  status?: number;
  headers: { name: string; value: string }[];
  /** Parsed JSON body; absent when there is none or it is not JSON. */
  body?: unknown;
  /** Line in the docs of each top-level body key, for pointing diagnostics at them. */
  bodyKeyLines?: Record<string, number>;
  annotation?: Record<string, unknown>;
  source: SourceRef;
}

export interface Example {
  /** Annotation name, or the heading of the example. */
  name: string;
  title?: string;
  request?: HttpMessageExample;
  response?: HttpMessageExample;
}

export interface PermissionRow {
  type: string;
  leastPrivileged: string[];
  higherPrivileged: string[];
  /** The docs left a placeholder ("TODO: Determine scopes"). */
  placeholder: boolean;
  /** "Not supported." / "Not available." */
  supported: boolean;
  source: SourceRef;
}

export interface ExtensionsSpec {
  /** Whether the page says custom (schema / directory) extension properties may be sent. */
  allowed: boolean;
  /** Setting an extension property to `null` removes it. */
  nullRemoves: boolean;
  /** Regular expressions (JavaScript syntax) for the extension property names accepted in a body. */
  namePatterns: string[];
  sentence?: string;
  source?: SourceRef;
}

/** The page's statement that a PATCH keeps the properties it does not name. */
export interface PartialUpdate {
  rule: string;
  sentence: string;
  source: SourceRef;
}

/** Where a body shape without a property table came from: an example request, and its placeholders. */
export interface ExampleBody {
  /** The example's name. */
  example: string;
  /** `{name}` placeholders inside the example's values (`/@odata.id` → `id`): what the caller fills in. */
  placeholders: { path: string; name: string }[];
  source: SourceRef;
}

/** The body section's statement that the body is a resource: "supply a JSON representation of a [group] object". */
export interface BodyReference {
  /** The resource as the page links it, e.g. `servicePrincipal`. */
  resource: string;
  sentence: string;
  source: SourceRef;
}

/** A resource page's statement that one of its properties is read-only. */
export interface ReadOnlyStatement {
  property: string;
  rule: string;
  sentence: string;
  source: SourceRef;
}

/**
 * "The **plannerTask** planId property must be set to an existing [plannerPlan] object's id": no generated
 * value names a plan the server holds, so the run is given one (the parameter named as the property).
 */
export interface ExistingReference {
  property: string;
  /** The resource it names, as the sentence writes it. */
  resource: string;
  sentence: string;
  source: SourceRef;
}

/**
 * A query option every request must carry: "This method requires planId [filter] to be specified" is
 * `$filter` = `planId eq '{planId}'`, the value of `{planId}` given to the run.
 */
export interface RequiredQuery {
  name: string;
  template: string;
  params: string[];
  sentence: string;
  source: SourceRef;
}

export interface OperationSpec {
  $schema?: string;
  formatVersion: number;
  kind: 'operation';
  /** e.g. `user-update`. */
  operation: string;
  /** e.g. `beta`, `v1.0`, `localtest`, `intune`. */
  variant: string;
  title: string;
  description: string;
  /** The page this spec was read from. */
  page: PageRef;
  http: { method: string; paths: PathTemplate[]; query?: RequiredQuery[] };
  headers: HeaderSpec[];
  requestBody: {
    /** Resource the body represents, e.g. `user`. */
    resource?: string;
    properties: Property[];
    groups: PropertyGroup[];
    extensions: ExtensionsSpec;
    /** Present when the page says properties left out of the body keep their values. */
    partialUpdate?: PartialUpdate;
    /** Properties the resource's own page (e.g. `resources/user.md`) marks read-only, when it was at hand. */
    resourceReadOnly?: ReadOnlyStatement[];
    /** Every property and relationship the resource's own page lists, when it was at hand. */
    resourceProperties?: string[];
    /** Where the property table sits (absent when the page has none). */
    source?: SourceRef;
    /** Present when the page has no property table and the properties were read from an example body. */
    fromExample?: ExampleBody;
    /**
     * Present when the page has no property table and says the body is a resource ("a JSON representation of
     * a [servicePrincipal] object"): the properties are that resource's writable ones, from its page.
     */
    fromResource?: BodyReference;
    /** Properties the page says must name a resource that already exists: a run is given their values. */
    references?: ExistingReference[];
  };
  types: Record<string, TypeDef>;
  responses: ResponseSpec[];
  examples: Example[];
  permissions: PermissionRow[];
  diagnostics: Diagnostic[];
}

/** A field of a connector action description (seed 004 style). */
export interface ConnectorField {
  /** Label as written, e.g. `Show In Address List`. */
  label: string;
  /** Group path, e.g. `["Input", "Properties"]`. */
  group: string[];
  direction: 'input' | 'output';
  /** The type hint in parentheses, or the page's default ("text"). */
  typeHint: string;
  typeHintStated: boolean;
  /** The type as a docs type expression (`String`, `String collection`, `Boolean`, `Int32`, object). */
  type: TypeRef;
  description: string;
  /** camelCase of the label: the Graph property name it stands for by the naming convention. */
  normalizedName: string;
  /** Dotted Graph property path the field maps to, when one was found in the resource types. */
  graphPath?: string;
  /** The field addresses the resource in the URL instead of setting a property. */
  pathParameter?: boolean;
  /** Constraints the registry's property rules find in the field's own description ("Allowed values: …"). */
  constraints?: Constraint[];
  source: SourceRef;
}

export interface ConnectorSpec {
  $schema?: string;
  formatVersion: number;
  kind: 'connector';
  operation: string;
  variant: string;
  title: string;
  description: string;
  page: PageRef;
  /** Resource whose properties fields were mapped against (e.g. `user`), when its page was available. */
  resource?: string;
  defaultType: { hint: string; sentence?: string; source?: SourceRef };
  fields: ConnectorField[];
  diagnostics: Diagnostic[];
}

export type Spec = OperationSpec | ConnectorSpec;

export type PageFormat = 'markdown' | 'rendered-text' | 'connector';

/**
 * The page a spec was read from. `file`, like every source in the spec, is relative to the docs root the page
 * was read from; `root` says where that root is, as a path from the folder the spec file was written to.
 */
export interface PageRef {
  file: string;
  root?: string;
  format: PageFormat;
  includes: { target: string; resolved: boolean }[];
}
