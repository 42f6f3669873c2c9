package uk.placements.command.http;

import org.junit.jupiter.api.Test;
import uk.placements.command.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is served without credentials and lists every write of API.md. */
class OpenApiTest extends ApiTest {

    @Test
    void openApiDocumentListsEveryWriteEndpoint() {
        Api.Answer docs = api.get(null, "/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").fieldNames()).toIterable().contains(
                "/api/provisions", "/api/provisions/{id}/places", "/api/provisions/{id}/staffing",
                "/api/provisions/{id}/close", "/api/placements", "/api/placements/{id}/offer",
                "/api/placements/{id}/offer/decline", "/api/placements/{id}/offer/withdraw",
                "/api/placements/{id}/admission", "/api/placements/{id}/time-split",
                "/api/placements/{id}/move-to-mainstream", "/api/placements/{id}/end",
                "/api/placements/{id}/withdraw");
        assertThat(api.get(null, "/swagger-ui.html").status()).isIn(200, 302);
    }
}
