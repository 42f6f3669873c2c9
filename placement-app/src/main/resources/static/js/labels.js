// The words people read for the API's codes: one place for every page. The API speaks in enum names
// (RESOURCE_BASE, MOVED_TO_MAINSTREAM, ASD); a page shows their label, and a form's options keep the code as value.
import { el } from './layout.js';

export const TYPES = { RESOURCE_BASE: 'Resource Base', SEN_UNIT: 'SEN Unit' };

export const PHASES = { PRIMARY: 'Primary', SECONDARY: 'Secondary', ALL_THROUGH: 'All-through' };

export const STATUSES = {
  REFERRED: 'Referred', OFFERED: 'Offered', ADMITTED: 'Admitted', MOVED_TO_MAINSTREAM: 'Moved to mainstream',
  ENDED: 'Ended', WITHDRAWN: 'Withdrawn',
};

export const PROVISION_STATUSES = { OPEN: 'Open', CLOSED: 'Closed' };

/**
 * The need codes of NeedCode (shared-events), named as the DfE's SEN2 and school census guides name the types of
 * special educational need. DS is this product's own code beside them.
 */
export const NEEDS = {
  ASD: 'Autistic spectrum disorder',
  SLCN: 'Speech, language and communication needs',
  SEMH: 'Social, emotional and mental health',
  SPLD: 'Specific learning difficulty',
  MLD: 'Moderate learning difficulty',
  SLD: 'Severe learning difficulty',
  PMLD: 'Profound and multiple learning difficulty',
  HI: 'Hearing impairment',
  VI: 'Vision impairment',
  MSI: 'Multi-sensory impairment',
  PD: 'Physical disability',
  DS: 'Down syndrome',
  OTH: 'Other difficulty or disability',
};

export const EHCP_STATUSES = { EHCP: 'Has an EHC plan', ASSESSMENT: 'Being assessed for an EHC plan', NONE: 'No EHC plan' };

export const END_REASONS = {
  SPECIAL_SCHOOL: 'Moved to a special school', OTHER_PROVISION: 'Moved to other provision', LEFT_AREA: 'Left the area',
  PHASE_TRANSFER: 'Phase transfer', EHCP_CEASED: 'EHC plan ceased', OTHER: 'Other (say why in the note)',
};

export const SPLIT_CATEGORIES = {
  WELLBEING: 'Well-being', BEHAVIOUR: 'Behaviour', LEARNING: 'Learning', TRANSITION: 'Transition', HEALTH: 'Health',
  FAMILY_REQUEST: "The family's request", OTHER: 'Other', UNSPECIFIED: 'Not given',
};

export const RELEASE_CAUSES = {
  OFFER_DECLINED: 'Offer declined', OFFER_WITHDRAWN: 'Offer withdrawn', MOVED_TO_MAINSTREAM: 'Moved to mainstream',
  PLACEMENT_ENDED: 'Placement ended',
};

/** The DfE's reasons for a change of places, as the high needs place change workbook words them (PlaceChangeReason; its CSV writes "Other (see comments)"). */
export const PLACE_CHANGE_REASONS = {
  NEW_PROVISION: 'New SEN unit or resourced provision',
  EXPANSION: 'Expansion of existing provision',
  INCREASED_DEMAND: 'Increase in demand for places',
  DECREASED_DEMAND: 'Decrease in demand for places',
  AGE_RANGE_CHANGE: 'Change to age range',
  DESIGNATION_CHANGE: 'Change to designation or type of need',
  REALIGNMENT: 'Realignment with pupil numbers',
  CLOSURE: 'Closure or planned closure of provision',
  OTHER: 'Other (say what in the comments)',
};

export const ROLES = {
  CASEWORKER: 'Caseworker', PROVISION_ADMIN: 'Provision admin', ANALYST: 'Analyst', AUDITOR: 'Auditor',
  FINANCE: 'Finance', ADMIN: 'Admin', RETURNS: 'Statutory returns',
};

/** What happened to a placement or provision, as its timeline and the audit trail name each event. */
export const EVENTS = {
  PupilReferred: 'Referred', PlaceOffered: 'Place offered', OfferDeclined: 'Offer declined',
  OfferWithdrawn: 'Offer withdrawn', PupilAdmitted: 'Admitted', TimeSplitChanged: 'Time split changed',
  MovedToMainstream: 'Moved to mainstream', PlacementEnded: 'Placement ended', ReferralWithdrawn: 'Referral withdrawn',
  TopUpAssigned: 'Top-up assigned', ProvisionCommissioned: 'Provision commissioned',
  CommissionedPlacesChanged: 'Commissioned places changed', StaffingRecorded: 'Staffing recorded',
  ProvisionClosed: 'Provision closed', PlaceReserved: 'Place reserved', PlaceReleased: 'Place released',
  PupilErased: 'Pupil erased', PupilDataErased: 'Pupil data erased',
};

/** Each rule in plain words (the rule codes of uk.placements.shared.common.Rule); a page may word one its own way. */
export const RULES = {
  'R-STATE': 'This placement has moved on: reload the page to see what it allows now',
  'R-DATE-ORDER': 'The date is before an earlier date of this placement, or in the future',
  'R-ONE-OPEN': 'This pupil already has an open placement',
  'R-PROVISION-OPEN': 'The provision is not open',
  'R-YEAR': "The pupil's year group is outside the provision's year range",
  'R-TYPE': 'The referral asked for another type of provision',
  'R-EHCP': 'An offer needs an EHC plan or an assessment under way',
  'R-NEED': "The pupil's primary need is not one the provision is designated for",
  'R-CAPACITY': 'The provision has no vacancy. Choose another provision',
  'R-SPLIT-RB': 'In a Resource Base the mainstream time is 1 to 99%, and below 50% needs a reason',
  'R-SPLIT-UNIT': 'In a SEN Unit the mainstream time is 0 to 49%',
  'R-INTEGRATION-FIRST': 'A reduction of mainstream time needs a reason',
  'R-DEFAULT-SPLIT': 'Left empty, the time in mainstream is the default of the type of provision',
  'R-RELEASE': 'A place is freed once, when the offer or placement that held it ends',
  'R-END-REASON': 'Ending a placement needs a reason, and "Other" needs a note',
  'R-PLACES-CHANGE': 'A change of commissioned places needs a reason',
  'R-CLOSE': 'A provision can close only when no pupils are on roll and no offers are outstanding. Move every pupil on and withdraw every offer first',
  'R-POSITIVE': 'The value must be above zero',
  'R-NO-OVERLAP': 'That year already has a value: a new value corrects it, and a correction needs a reason',
  'R-BAND-EXISTS': 'That top-up has no value in the tariff for the financial year of the date it takes effect',
  'R-FUNDING-DATE': 'A top-up takes effect on or after the offer of the place, and before the day the pupil left',
  'R-FUNDING-REASON': 'A change of top-up needs a reason',
  'R-PLACE-CHANGE-YEAR': 'A return is made for the next academic year only',
  'R-PLACE-CHANGE-OPEN': 'The provision closes before that year starts: it makes no return',
  'R-PLACE-CHANGE-REASON': 'Places that change need a reason for the change ("Other" with a comment); places that stay the same need none',
  'R-NIL-RETURN': "A nil return keeps this year's places and has no reason for change",
  'R-PLACE-CHANGE-CORRECTION': "This provision's return is already recorded: replacing it needs a reason for the correction",
};

/** Why a provision cannot be offered to a pupil (the offer picker): the rule as it reads about that provision. */
export const BLOCKERS = {
  'R-EHCP': 'The pupil has no EHC plan and no assessment under way',
  'R-YEAR': "The pupil's year group is outside its year range",
  'R-TYPE': 'The referral asked for the other type of provision',
  'R-NEED': "The pupil's primary need is not one of its designated needs",
  'R-CAPACITY': 'No vacancy on the offer date',
  'R-PROVISION-OPEN': 'Not open on the offer date',
};

/** Inclusion bases (docs/inclusion-bases.md): the two models, the standards' outcomes and the measures compared. */
export const BASE_MODELS = { SUPPORT: 'Support base', SPECIALIST: 'Specialist base' };

export const EXPECTATION_STATUSES = { MET: 'Met', NOT_MET: 'Not met', UNKNOWN: 'Unknown' };

export const EXPECTATIONS = {
  LEAD_TEACHER: 'A qualified teacher leads the base',
  TEACHER_ACCESS: 'Access to a qualified teacher at least that of mainstream peers',
  TIME_IN_MAINSTREAM: 'Time in mainstream classes',
  THERAPY_INPUT: 'Therapy input',
};

export const BASE_MEASURES = {
  ADULTS_PER_PUPIL: 'Adults per pupil',
  QUALIFIED_TEACHERS_PER_PUPIL: 'Qualified teachers per pupil',
  THERAPY_HOURS_PER_PUPIL: 'Therapy hours per pupil',
  AVERAGE_MAINSTREAM_PERCENT: 'Average mainstream %',
  MOVES_TO_MAINSTREAM_PER_PUPIL: 'Moves to mainstream per pupil',
  MEDIAN_DAYS_REFERRAL_TO_ADMISSION: 'Median days referral to admission',
};

/** SCAP's phases (docs/returns.md): the product's phases with post-16 (Years 12 and 13) apart. */
export const SCAP_PHASES = { PRIMARY: 'Primary', SECONDARY: 'Secondary', POST_16: 'Post-16' };

export const OUTLIER_DIRECTIONS = { HIGH: 'High', LOW: 'Low' };

const labelOf = (labels) => (code) => (code === null || code === undefined || code === '' ? '' : (labels[code] ?? String(code)));

export const typeLabel = labelOf(TYPES);
export const phaseLabel = labelOf(PHASES);
export const statusLabel = labelOf(STATUSES);
export const provisionStatusLabel = labelOf(PROVISION_STATUSES);
export const needLabel = labelOf({ ...NEEDS, UNKNOWN: 'Not recorded' });
export const ehcpLabel = labelOf(EHCP_STATUSES);
export const endReasonLabel = labelOf(END_REASONS);
export const splitCategoryLabel = labelOf(SPLIT_CATEGORIES);
export const placeChangeReasonLabel = labelOf(PLACE_CHANGE_REASONS);
export const roleLabel = labelOf(ROLES);
export const eventLabel = labelOf(EVENTS);
export const ruleLabel = labelOf(RULES);
export const baseModelLabel = labelOf(BASE_MODELS);
export const expectationStatusLabel = labelOf(EXPECTATION_STATUSES);
export const expectationLabel = labelOf(EXPECTATIONS);
export const baseMeasureLabel = labelOf(BASE_MEASURES);
export const scapPhaseLabel = labelOf(SCAP_PHASES);

/** Several needs: their names, one after the other (a need's name has commas of its own, hence the semicolons). */
export function needsLabel(codes) {
  return (codes || []).map(needLabel).join('; ');
}

/** Year groups as people say them: Reception (0), Year 1 …; a range as "Reception to Year 6". */
export function yearLabel(year) {
  if (year === null || year === undefined || year === '') return '';
  return Number(year) === 0 ? 'Reception' : `Year ${year}`;
}

export function yearsLabel(lowest, highest) {
  return lowest === highest ? yearLabel(lowest) : `${yearLabel(lowest)} to ${yearLabel(highest)}`;
}

/** A provision as the pages name it: its name, then its type. */
export function provisionLabel(p) {
  return `${p.name} (${typeLabel(p.type)})`;
}

const EVERY_CODE = Object.fromEntries([TYPES, PHASES, STATUSES, END_REASONS, RELEASE_CAUSES, SPLIT_CATEGORIES, BASE_MEASURES, EXPECTATIONS]
  .flatMap((labels) => Object.entries(labels)).filter(([code]) => code.includes('_')));

/**
 * A sentence the API wrote with codes in it (a timeline's detail: "primary need ASD, asking for a RESOURCE_BASE",
 * "ended: SPECIAL_SCHOOL"), with each code written as its label.
 */
export function withLabels(text) {
  if (!text) return text;
  return String(text)
    .replace(/\b[A-Z]+(?:_[A-Z]+)+\b/g, (code) => EVERY_CODE[code] ?? code)
    .replace(/\b(primary need )([A-Z]+)\b/g, (all, lead, code) => lead + (NEEDS[code] ? NEEDS[code].toLowerCase() : code))
    .replace(/\b(ended: )OTHER\b/g, '$1other');
}

/** The options of a select: an empty first option (its text given, or none), then each code with its label. */
export function options(labels, { empty = null, selected = null } = {}) {
  return [
    ...(empty === null ? [] : [el('option', { value: '' }, empty)]),
    ...Object.entries(labels).map(([value, text]) => el('option', { value, selected: value === selected ? 'selected' : null }, text)),
  ];
}
