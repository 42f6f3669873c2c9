package uk.placements.app.demo;

import org.axonframework.eventhandling.GenericEventMessage;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.FinancialYear;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's history as if it had been recorded as it happened: while the loader sends a command, the events it
 * records are stamped with the command's business date (its first date; a tariff value a month before its year
 * starts), not with the moment of loading, so that what the product knew "as at" a past day (the funding ledger, the
 * payment schedule of a past month, the audit's state as known) is a history worth looking at. Only the loading
 * thread is affected: Axon stamps events with the static {@link GenericEventMessage#clock}, which this replaces by a
 * clock answering the simulated moment on that thread and the real time on every other. A date after today is
 * recorded now.
 */
final class RecordedOnBusinessDates extends Clock implements AutoCloseable {

    private final Clock real;
    private final ThreadLocal<Instant> simulated = new ThreadLocal<>();

    private RecordedOnBusinessDates(Clock real) {
        this.real = real;
    }

    /** Installs the clock; {@link #close()} puts Axon's back. */
    static RecordedOnBusinessDates install() {
        RecordedOnBusinessDates clock = new RecordedOnBusinessDates(GenericEventMessage.clock);
        GenericEventMessage.clock = clock;
        return clock;
    }

    /** Stamps what this thread records next at {@code command}'s business date, {@code order} seconds after 09:00. */
    void recordAt(Object command, int order) {
        LocalDate on = businessDate(command);
        Instant at = on == null ? null : on.atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(order % 28_800L);
        simulated.set(at == null || at.isAfter(real.instant()) ? null : at);
    }

    static LocalDate businessDate(Object command) {
        if (!(command instanceof Record record)) {
            return null;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof LocalDate date) {
                return date;
            }
            if (value instanceof FinancialYear year) {
                return year.firstDay().minusMonths(1);
            }
            if (value instanceof AcademicYear year) {
                return year.firstDay().minusMonths(1);
            }
        }
        return null;
    }

    @Override
    public void close() {
        simulated.remove();
        GenericEventMessage.clock = real;
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return real.withZone(zone);
    }

    @Override
    public Instant instant() {
        Instant at = simulated.get();
        return at != null ? at : real.instant();
    }
}
