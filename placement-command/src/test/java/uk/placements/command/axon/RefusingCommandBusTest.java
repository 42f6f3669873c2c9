package uk.placements.command.axon;

import io.axoniq.axonserver.grpc.ErrorMessage;
import io.grpc.Status;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.command.placement.domain.VersionConflict;
import uk.placements.shared.common.CommandMetadata;
import uk.placements.shared.common.Rule;
import uk.placements.shared.pupil.PupilDataErased;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What Axon Server hands back to the sending service is a {@link CommandExecutionException} with the handler's
 * message and its serialized details, nothing else. Each refusal the HTTP edge answers must come out of that trip as
 * the exception the handler threw: here the trip is the command service's real local command bus, and the details go
 * through Jackson to bytes and back, as Axon Server carries them; the cause is dropped, as Axon Server drops it.
 * Refusals that come when the unit of work commits (Axon Server refusing a taken sequence number, converted by Axon's
 * own connector) travel the same way: before, only refusals thrown inside the handler did, and these answered 500.
 */
class RefusingCommandBusTest {

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

    @Test
    void aPupilWhoseDataWasErasedAndAnInvalidValueComeBackAsTheirOwnExceptions() {
        assertThat(trip(new PupilDataErased())).isInstanceOf(PupilDataErased.class);

        RuntimeException invalid = trip(new IllegalArgumentException("commissioned places are 1 to 500"));
        assertThat(invalid).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("commissioned places are 1 to 500");
    }

    @Test
    void aSequenceNumberTakenWhenTheUnitOfWorkCommitsIsALostRaceAcrossTheBus() {
        CommandExecutionException remote = remote(null, false);

        assertThat(AxonConfiguration.isLostRace(remote)).as("retried by the sending gateway").isTrue();
        assertThat(Refusal.carriedBy(remote).orElseThrow().revive()).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void aCreationWhoseStreamIsTakenWhenTheUnitOfWorkCommitsIsAnExistingId() {
        CommandExecutionException remote = remote(null, true);

        assertThat(AxonConfiguration.isLostRace(remote)).as("not retried: the id stays taken").isFalse();
        assertThat(Refusal.carriedBy(remote).orElseThrow().revive())
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    /** The same new pupil referred twice at once (the pupil register's own refusal) is retried, not "already exists". */
    @Test
    void anyOtherLostRaceOfACreationStaysALostRace() {
        CommandExecutionException remote = remote(new ConcurrencyException("the same new pupil was referred twice at once"),
                true, false);

        assertThat(AxonConfiguration.isLostRace(remote)).as("retried by the sending gateway").isTrue();
        assertThat(Refusal.carriedBy(remote).orElseThrow().revive()).isInstanceOf(ConcurrencyException.class);
    }

    /**
     * What Axon Server SE 4.6.11 actually made the commit throw (scripts/topology-check.sh, an existing provision id
     * answered 500): gRPC's own exception, not Axon's ConcurrencyException.
     */
    @Test
    void theTakenSequenceNumberAsTheConnectorThrowsItIsAnExistingIdOrALostRace() {
        RuntimeException asSeen = Status.OUT_OF_RANGE.withDescription(
                "[AXONIQ-2000] Invalid sequence number 0 for aggregate TOPO-1238761, expected 2").asRuntimeException();

        assertThat(Refusal.carriedBy(remote(asSeen, true, true)).orElseThrow().revive())
                .isInstanceOf(AggregateStreamCreationException.class);
        CommandExecutionException race = remote(asSeen, false, true);
        assertThat(AxonConfiguration.isLostRace(race)).as("retried by the sending gateway").isTrue();
        assertThat(Refusal.carriedBy(race).orElseThrow().revive()).isInstanceOf(ConcurrencyException.class);
        assertThat(Refusal.of(Status.OUT_OF_RANGE.withDescription("[AXONIQ-2001] too large").asRuntimeException()))
                .as("another Axon Server error is no refusal").isEmpty();
    }

    private RuntimeException trip(RuntimeException thrown) {
        return Refusal.carriedBy(remote(thrown)).orElseThrow(() -> new AssertionError("no refusal carried"))
                .revive();
    }

    private CommandExecutionException remote(RuntimeException thrown) {
        return remote(thrown, false);
    }

    /**
     * Dispatches to a handler that throws {@code thrown}, or, if null, whose unit of work fails to commit as it does
     * when Axon Server refuses the appended events' sequence number; returns what Axon Server would hand the sender.
     */
    private CommandExecutionException remote(RuntimeException thrown, boolean creates) {
        return remote(thrown, creates, false);
    }

    /** {@code atCommit}: {@code thrown} (if null, Axon's own conversion of AXONIQ-2000) when the unit of work commits. */
    private CommandExecutionException remote(RuntimeException thrown, boolean creates, boolean atCommit) {
        SimpleCommandBus bus = new RefusingCommandBus(SimpleCommandBus.builder());
        bus.subscribe("refuse", command -> {
            if (thrown != null && !atCommit) {
                throw thrown;
            }
            CurrentUnitOfWork.get().onCommit(unitOfWork -> {
                throw thrown != null ? thrown
                        : (RuntimeException) ErrorCode.INVALID_EVENT_SEQUENCE.convert(ErrorMessage.newBuilder()
                        .setErrorCode("AXONIQ-2000")
                        .setMessage("Invalid sequence number 0 for aggregate p-1, expected 3").build());
            });
            return 0L;
        });
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        CommandMessage<String> command = new GenericCommandMessage<>(new GenericMessage<>("payload"), "refuse")
                .andMetaData(creates ? Map.of(CommandMetadata.CREATES, true) : Map.of());
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
