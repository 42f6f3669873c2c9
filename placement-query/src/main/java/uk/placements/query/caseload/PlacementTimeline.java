package uk.placements.query.caseload;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import uk.placements.query.Recorded;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.placement.event.ReferralWithdrawn;
import uk.placements.shared.placement.event.TimeSplitChanged;
import uk.placements.shared.placement.query.PlacementView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A placement's timeline, read from its own events in the event store, each described by {@link #describe}, a
 * function of the event alone. Nothing keeps it: the timeline was a table of its own that held three of every four
 * rows of the caseload (650,000 of 862,000 at 1,000,000 events), written again by every rebuild, to answer a read
 * that the event store answers from its index on the aggregate, one placement's few events. Reading them through
 * Axon's event store (not its table) serves Axon Server too. The events the placement's row has not folded yet
 * (the projection a moment behind) are left out, so the timeline and the row it comes with always agree.
 */
@Component
public class PlacementTimeline {

    /** No entry's text is longer (it was the column's width when the timeline was a table). */
    static final int DETAIL_LENGTH = 600;

    private final EventStore events;

    public PlacementTimeline(EventStore events) {
        this.events = events;
    }

    /** The placement's timeline up to and including its event {@code version}, in sequence order. */
    public List<PlacementView.TimelineEntry> upTo(String placementId, long version) {
        List<PlacementView.TimelineEntry> timeline = new ArrayList<>();
        // from the first event, not a snapshot: a timeline lists every event (placements take no snapshots either)
        DomainEventStream stream = events.readEvents(placementId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() > version) {
                break;
            }
            if (message.getPayload() instanceof PlacementEvent event) {
                Recorded recorded = Recorded.of(message.getSequenceNumber(), message.getTimestamp(),
                        message.getMetaData());
                Description description = describe(event);
                timeline.add(new PlacementView.TimelineEntry(recorded.seq(), event.getClass().getSimpleName(),
                        description.on(), recorded.at(), recorded.by(), description.detail()));
            }
        }
        return timeline;
    }

    /** What a timeline entry says of an event: the business date it took effect on, and a sentence. */
    public record Description(LocalDate on, String detail) {
        public Description {
            detail = detail.length() > DETAIL_LENGTH ? detail.substring(0, DETAIL_LENGTH) : detail;
        }
    }

    /**
     * The timeline's entry for {@code event}: every event of the sealed family has one (an event added later fails
     * {@code EveryEventReachesEveryFoldTest} until it is described here). No personal data: the pupil's is sealed in
     * the referral and never read here.
     */
    public static Description describe(PlacementEvent event) {
        if (event instanceof PupilReferred e) {
            return new Description(e.referredOn(), "referred in year " + e.yearGroup() + ", primary need "
                    + e.primaryNeed() + (e.requestedType() == null ? "" : ", asking for a " + e.requestedType()));
        }
        if (event instanceof PlaceOffered e) {
            return new Description(e.offeredOn(), "offered a place at " + e.provisionId()
                    + (e.outsideDesignatedNeed() ? " outside its designated needs" : "")
                    + (e.overCapacityDecision() == null ? "" : " over capacity, decided by "
                    + e.overCapacityDecision().decidedBy()));
        }
        if (event instanceof OfferDeclined e) {
            return new Description(e.on(), "offer at " + e.provisionId() + " declined: " + e.reason());
        }
        if (event instanceof OfferWithdrawn e) {
            return new Description(e.on(), "offer at " + e.provisionId() + " withdrawn: " + e.reason());
        }
        if (event instanceof PupilAdmitted e) {
            return new Description(e.admittedOn(), "admitted at " + e.provisionId() + " with "
                    + e.mainstreamPercent() + "% in mainstream" + (e.defaultSplit() ? " (the default)" : ""));
        }
        if (event instanceof TimeSplitChanged e) {
            return new Description(e.effectiveFrom(), "time in mainstream " + e.previousPercent() + "% to "
                    + e.mainstreamPercent() + "%" + (e.reason() == null ? "" : ": " + e.reason().text()));
        }
        if (event instanceof MovedToMainstream e) {
            return new Description(e.effectiveFrom(), "moved on to full-time mainstream from " + e.provisionId());
        }
        if (event instanceof PlacementEnded e) {
            return new Description(e.effectiveFrom(), "placement at " + e.provisionId() + " ended: " + e.reason());
        }
        if (event instanceof ReferralWithdrawn e) {
            return new Description(e.on(), "referral withdrawn: " + e.reason());
        }
        throw new IllegalArgumentException("no timeline entry for " + event.getClass().getName());
    }
}
