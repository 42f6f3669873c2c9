package uk.placements.command.axon;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.command.placement.domain.VersionConflict;
import uk.placements.shared.common.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What Axon Server hands back to the sending service is a {@link CommandExecutionException} with the handler's
 * message and its serialized details, nothing else. Each refusal the HTTP edge answers must come out of that trip as
 * the exception the handler threw: here the trip is a real command bus with the interceptor, and the details go
 * through Jackson to bytes and back, as Axon Server carries them; the cause is dropped, as Axon Server drops it.
 */
class RefusalsAcrossTheBusTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aRuleRefusalComesBackWithItsRule() {
        RuntimeException back = trip(new RuleViolation(Rule.CAPACITY, "no vacancy at the provision"));

        assertThat(back).isInstanceOf(RuleViolation.class).hasMessage("no vacancy at the provision");
        assertThat(((RuleViolation) back).rule()).isEqualTo(Rule.CAPACITY);
    }

    @Test
    void aStaleVersionComesBackWithTheCurrentVersion() {
        RuntimeException back = trip(new VersionConflict(3, 5));

        assertThat(back).isInstanceOf(VersionConflict.class)
                .hasMessage("expected version 3 but it is at version 5");
        assertThat(((VersionConflict) back).actualVersion()).isEqualTo(5);
    }

    @Test
    void notFoundExistingIdAndReusedKeyComeBackAsTheirOwnExceptions() {
        RuntimeException missing = trip(new AggregateNotFoundException("p-1", "no such aggregate"));
        assertThat(missing).isInstanceOf(AggregateNotFoundException.class);
        assertThat(((AggregateNotFoundException) missing).getAggregateIdentifier()).isEqualTo("p-1");

        assertThat(trip(new AggregateStreamCreationException("exists"))).isInstanceOf(
                AggregateStreamCreationException.class);
        assertThat(trip(new IdempotencyInterceptor.KeyAlreadyUsed())).isInstanceOf(
                IdempotencyInterceptor.KeyAlreadyUsed.class);
    }

    @Test
    void aLostRaceIsStillALostRaceForTheGatewaysRetry() {
        CommandExecutionException remote = remote(new ConcurrencyException("sequence 4 taken"));

        assertThat(AxonConfiguration.isLostRace(remote)).as("retried by the gateway").isTrue();
        assertThat(Refusal.carriedBy(remote).orElseThrow().revive()).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void anyOtherFailureIsNoRefusalAndStaysAFailure() {
        CommandExecutionException remote = remote(new IllegalStateException("disk full"));

        assertThat(Refusal.carriedBy(remote)).isEmpty();
        assertThat(AxonConfiguration.isLostRace(remote)).isFalse();
    }

    private RuntimeException trip(RuntimeException thrown) {
        return Refusal.carriedBy(remote(thrown)).orElseThrow(() -> new AssertionError("no refusal carried"))
                .revive();
    }

    /** Dispatches to a handler that throws {@code thrown}; returns what Axon Server would hand the sender. */
    private CommandExecutionException remote(RuntimeException thrown) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new RefusalsAcrossTheBus());
        bus.subscribe("refuse", command -> {
            throw thrown;
        });
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        CommandMessage<String> command = new GenericCommandMessage<>(new GenericMessage<>("payload"), "refuse");
        Throwable failure = catchThrowable(() -> gateway.sendAndWait(command));
        if (!(failure instanceof CommandExecutionException local)) {
            assertThat(failure).as("only refusals are wrapped").isSameAs(thrown);
            return new CommandExecutionException(thrown.getMessage(), null);
        }
        Object details = local.getDetails().orElse(null);
        if (details == null) {
            return new CommandExecutionException(local.getMessage(), null);
        }
        SerializedObject<byte[]> wire = serializer.serialize(details, byte[].class);
        return new CommandExecutionException(local.getMessage(), null, serializer.deserialize(wire));
    }
}
