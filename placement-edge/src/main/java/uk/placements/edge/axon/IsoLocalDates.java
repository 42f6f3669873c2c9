package uk.placements.edge.axon;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Stored events' dates ({@code "2026-09-01"}) read digit by digit; anything else (another shape, an impossible date,
 * a property with a format of its own) goes to Jackson's own {@link LocalDateDeserializer}, which then answers or
 * fails exactly as it would have.
 * <p>
 * Why: every event carries one or more dates, and Jackson parses each with {@code DateTimeFormatter.ISO_LOCAL_DATE},
 * a general parser that allocates a parse context, its lists and a map of fields per date. In a JFR allocation
 * profile of rebuilds on PostgreSQL those were the largest single source of garbage the event reader made (about 600
 * MB for 670,000 events), on the thread that reads ahead of the projections.
 */
public final class IsoLocalDates extends StdScalarDeserializer<LocalDate> implements ContextualDeserializer {

    private static final long serialVersionUID = 1L;

    /** The module that puts this deserializer in place of Jackson's for {@link LocalDate}. */
    public static SimpleModule module() {
        return new SimpleModule("IsoLocalDates").addDeserializer(LocalDate.class, new IsoLocalDates());
    }

    private IsoLocalDates() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING) && p.getTextLength() == 10) {
            LocalDate date = parse(p.getTextCharacters(), p.getTextOffset());
            if (date != null) {
                return date;
            }
        }
        return LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
    }

    /**
     * A property with a format of its own ({@code @JsonFormat}: a pattern, a shape, a leniency, a locale or a time
     * zone), or a mapper with a default one for dates, is left to Jackson's deserializer altogether.
     */
    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JsonFormat.Value format = findFormatOverrides(ctxt, property, handledType());
        boolean ownFormat = format != null && (format.hasPattern() || format.hasShape() || format.hasLenient()
                || format.hasLocale() || format.hasTimeZone());
        return ownFormat ? LocalDateDeserializer.INSTANCE.createContextual(ctxt, property) : this;
    }

    /** {@code yyyy-MM-dd} at {@code at}, a date that exists; null for anything else. */
    static LocalDate parse(char[] text, int at) {
        int year = digits(text, at, 4);
        int month = digits(text, at + 5, 2);
        int day = digits(text, at + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || text[at + 4] != '-' || text[at + 7] != '-') {
            return null;
        }
        if (day > 28 && day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The value of {@code count} ASCII digits at {@code at}; -1 if one of them is not a digit. */
    private static int digits(char[] text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
