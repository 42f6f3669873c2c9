package uk.placements.edge.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import uk.placements.shared.placement.upcasting.TimeSplitChangedUpcaster;

/**
 * Jackson for every Axon serializer (general, events, messages), on both sides, with a mapper of Axon's own: no
 * default typing, dates as ISO strings, unknown fields ignored so that an older reader survives a newer event.
 * The HTTP API's mapper can change without touching what is stored.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerialization {

    /** A mapper for stored messages only; the HTTP API's mapper can change without touching the event store. */
    public static ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(IsoLocalDates.module()) // after Jackson's: its LocalDate reader wins
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Axon registers every upcaster bean in the chain that reads stored events (aggregates, processors). */
    @Bean
    public TimeSplitChangedUpcaster timeSplitChangedUpcaster() {
        return new TimeSplitChangedUpcaster();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }
}
