package uk.placements.command.pupil;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.pupil.ErasePupil;
import uk.placements.shared.pupil.PupilErased;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The record of a pupil's erasure: its one event is the audit of who erased, why and when. The key is deleted in
 * the same transaction, so the event exists exactly when the data is gone. Erasing twice is refused (the record
 * exists already).
 */
@Aggregate
public class ErasedPupil {

    @AggregateIdentifier
    private PupilId pupilId;

    protected ErasedPupil() {
        // for Axon
    }

    @CommandHandler
    public ErasedPupil(ErasePupil command, JdbcPupilStore keys, Clock clock) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("an erasure names its reason");
        }
        keys.eraseKey(command.pupilId());
        apply(new PupilErased(command.pupilId(), command.reason().strip(), LocalDate.now(clock)));
    }

    @EventSourcingHandler
    void on(PupilErased event) {
        pupilId = event.pupilId();
    }
}
