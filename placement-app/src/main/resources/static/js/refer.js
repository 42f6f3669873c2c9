import { post, today } from './api.js';
import { frame, ready } from './layout.js';
import { clearErrors, number, showProblem, values } from './forms.js';
import { setDate, upgradeDates } from './dates.js';
import { EHCP_STATUSES, NEEDS, TYPES, options } from './labels.js';

await frame();
upgradeDates();
const form = document.getElementById('referral');
form.primaryNeed.append(...options(NEEDS));
form.ehcpStatus.append(...options(EHCP_STATUSES));
form.requestedType.append(...options(TYPES));
setDate('referredOn', today());

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const v = values(form);
  const body = {
    pupil: { upn: v['pupil.upn'], givenName: v['pupil.givenName'], familyName: v['pupil.familyName'], dateOfBirth: v['pupil.dateOfBirth'] },
    yearGroup: number(v.yearGroup),
    primaryNeed: v.primaryNeed,
    secondaryNeeds: [],
    ehcpStatus: v.ehcpStatus,
    requestedType: v.requestedType,
    homeSchoolUrn: v.homeSchoolUrn,
    referredOn: v.referredOn,
    note: v.note,
  };
  try {
    const answer = await post('/api/placements', body);
    clearErrors(form);
    location.assign(`/placement.html?id=${encodeURIComponent(answer.id)}&minVersion=${answer.version}`);
  } catch (e) {
    showProblem(form, e, { 'R-DATE-ORDER': 'referredOn', 'R-ONE-OPEN': 'pupil.upn' });
  }
});
ready();
