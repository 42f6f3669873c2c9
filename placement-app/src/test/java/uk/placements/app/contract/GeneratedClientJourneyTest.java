package uk.placements.app.contract;

import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.client.ApiClient;
import uk.placements.client.ApiException;
import uk.placements.client.api.PlacementsApi;
import uk.placements.client.api.ProvisionsApi;
import uk.placements.client.model.Admission;
import uk.placements.client.model.Commission;
import uk.placements.client.model.HostSchoolInput;
import uk.placements.client.model.Offer;
import uk.placements.client.model.PlacementView;
import uk.placements.client.model.Problem;
import uk.placements.client.model.Pupil;
import uk.placements.client.model.Refer;
import uk.placements.client.model.WriteResult;
import uk.placements.command.http.Api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A caseworker's journey through the Java client that openapi-generator makes from the API document at build time
 * (this module's pom; the document is the served one, see {@link OpenApiContractTest}): what an authority's
 * developer would generate and call. Refer, offer, a refusal read as a problem with its rule, a stale write refused
 * with 412 and the current version, admit, and the placement read back.
 */
class GeneratedClientJourneyTest extends AppTest {

    private ApiClient as(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String credentials = Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return client;
    }

    private Problem problem(ApiClient client, ApiException refused) throws Exception {
        return client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    }

    @Test
    void aCaseworkersJourneyThroughTheGeneratedClient() throws Exception {
        String provisionId = Api.newProvisionId("CLIENT");
        WriteResult commissioned = new ProvisionsApi(as("provision-admin")).commissionProvision(new Commission()
                        .id(provisionId).name("Generated client base").type(Commission.TypeEnum.RESOURCE_BASE)
                        .hostSchool(new HostSchoolInput().urn("100001").name("Host School"))
                        .phase(Commission.PhaseEnum.PRIMARY).lowestYear(0).highestYear(6)
                        .designatedNeeds(Set.of(Commission.DesignatedNeedsEnum.ASD)).commissionedPlaces(2)
                        .openedOn(LocalDate.of(2024, 9, 1)),
                null, null, null);
        assertThat(commissioned.getId()).isEqualTo(provisionId);

        ApiClient caseworker = as("caseworker");
        PlacementsApi placements = new PlacementsApi(caseworker);
        String upn = Api.newUpn();
        Refer referral = new Refer().pupil(new Pupil().upn(upn).givenName("Amara").familyName("Okafor")
                        .dateOfBirth(LocalDate.of(2017, 3, 2)))
                .yearGroup(3).primaryNeed(Refer.PrimaryNeedEnum.ASD).ehcpStatus(Refer.EhcpStatusEnum.EHCP)
                .homeSchoolUrn("200002").referredOn(LocalDate.of(2025, 1, 6));
        WriteResult referred = placements.referPupil(referral, null, null, null);
        assertThat(referred.getVersion()).isZero();
        String placementId = referred.getId();

        // a refusal, read as the document describes it: the rule that refused, and nothing recorded
        ApiException second = catchThrowableOfType(ApiException.class,
                () -> placements.referPupil(referral, null, null, null));
        assertThat(second.getCode()).isEqualTo(409);
        assertThat(second.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem(caseworker, second).getRule()).isEqualTo(Problem.RuleEnum.R_ONE_OPEN);

        WriteResult offered = placements.offerPlace(placementId, new Offer().provisionId(provisionId)
                .offeredOn(LocalDate.of(2025, 1, 20)), "\"0\"", null, null);
        assertThat(offered.getVersion()).isEqualTo(1);

        // a write on the version before the offer: 412, and the problem says which version is current
        ApiException stale = catchThrowableOfType(ApiException.class, () -> placements.admitPupil(placementId,
                new Admission().admittedOn(LocalDate.of(2025, 2, 3)).mainstreamPercent(50), "\"0\"", null, null));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(problem(caseworker, stale).getCurrentVersion()).isEqualTo(1);

        WriteResult admitted = placements.admitPupil(placementId,
                new Admission().admittedOn(LocalDate.of(2025, 2, 3)).mainstreamPercent(50), "\"1\"", null, null);
        assertThat(admitted.getVersion()).isEqualTo(2);

        PlacementView placement = placements.getPlacement(placementId, admitted.getVersion(), null, null);
        assertThat(placement.getStatus()).isEqualTo(PlacementView.StatusEnum.ADMITTED);
        assertThat(placement.getMainstreamPercent()).isEqualTo(50);
        assertThat(placement.getProvision().getId()).isEqualTo(provisionId);
        assertThat(placement.getPupil().getUpn()).isEqualTo(upn);
    }
}
