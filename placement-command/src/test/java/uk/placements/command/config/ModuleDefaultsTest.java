package uk.placements.command.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.placements.command.ApiTest;
import uk.placements.command.http.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules' default properties reach the logging system: a write to a placement that does not exist is a 404
 * for the caller and no warning with a stack trace in the log (Axon logs every failed load at WARN otherwise; the
 * soak turned up 22,510 of them).
 */
@ExtendWith(OutputCaptureExtension.class)
class ModuleDefaultsTest extends ApiTest {

    @Test
    void theQuietLevelsOfTheDefaultsApply() {
        assertThat(LoggerFactory.getLogger("org.axonframework.modelling.command.AbstractRepository").isWarnEnabled())
                .isFalse();
        assertThat(LoggerFactory.getLogger("org.springframework.security.config.annotation.authentication"
                + ".configuration.InitializeUserDetailsBeanManagerConfigurer").isWarnEnabled()).isFalse();
    }

    @Test
    void aCommandToAnAggregateThatDoesNotExistLogsNoStackTrace(CapturedOutput output) {
        Api.Answer answer = api.post("caseworker", "/api/placements/" + java.util.UUID.randomUUID() + "/withdraw",
                "{\"on\":\"2026-09-02\",\"reason\":\"moved away\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(404);
        assertThat(output.getAll()).doesNotContain("AggregateNotFoundException");
    }
}
