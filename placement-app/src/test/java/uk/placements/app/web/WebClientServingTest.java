package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** The web client's files are public and hold no data; the data stays behind each user's own credentials. */
class WebClientServingTest extends AppTest {

    @ParameterizedTest
    @ValueSource(strings = {"/index.html", "/placement.html", "/js/api.js", "/css/app.css", "/tariff.html",
            "/funding.html", "/schedules.html", "/place-change.html", "/without-funding.html", "/js/money.js",
            "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css",
            "/assets/fonts/bold-b542beb274-v2.woff2"})
    void pagesScriptsStylesAndFontsNeedNoSignIn(String path) {
        Api.Answer answer = api.get(null, path);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Security-Policy")).startsWith("default-src 'self'");
    }

    @Test
    void theRootOpensTheSignInPage() {
        Api.Answer answer = api.get(null, "/");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/index.html");
    }

    @Test
    void meNamesTheUserAndTheirRoles() {
        Api.Answer answer = api.get("analyst", "/api/me");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("user").asText()).isEqualTo("analyst");
        assertThat(answer.json().get("roles").toString()).isEqualTo("[\"ANALYST\"]");
    }

    @Test
    void theClientsOwnCallsAreRefusedWithoutTheBrowsersPasswordDialog() {
        assertThat(api.get(null, "/api/me").header("WWW-Authenticate")).startsWith("Basic");
        Api.Answer fromClient = api.get(null, "/api/me", "X-Requested-With", "fetch");
        assertThat(fromClient.status()).isEqualTo(401);
        assertThat(fromClient.header("WWW-Authenticate")).isNull();
    }
}
