package uk.placements.queryservice;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The query service starts on its own and reports healthy. */
@SpringBootTest(classes = PlacementQueryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:query-alone;DB_CLOSE_DELAY=-1")
class QueryServiceStartsTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void queryServiceStartsAloneAndIsHealthy() {
        assertThat(http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
    }
}
