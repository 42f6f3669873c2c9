package uk.placements.app.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.List;

/** Random JSON values (as text) for field values and whole bodies: every type, edge numbers, odd strings. */
final class JsonValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValues() {
    }

    static Arbitrary<String> any(int depth) {
        if (depth <= 0) {
            return scalar();
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> any(depth - 1)).list().ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Arbitraries.lazy(() -> any(depth - 1)).map(v -> v).list().ofMaxSize(4)
                .map(JsonValues::object);
        return Arbitraries.frequencyOf(Tuple.of(6, scalar()), Tuple.of(1, array), Tuple.of(1, object));
    }

    private static String object(List<String> values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : ",").append(quote(List.of("id", "reason", "on", "pupil", "upn", "value", "",
                    "effectiveFrom", "commissionedPlaces").get(i % 9))).append(':').append(values.get(i));
        }
        return s.append('}').toString();
    }

    static Arbitrary<String> scalar() {
        Arbitrary<String> strings = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(10)),
                Tuple.of(2, Arbitraries.of("", " ", "2026-09-01", "2026-13-45", "9999-12-31", "-999999999-01-01",
                        "2026-09-01T08:30:00Z", "ASD", "asd", "RESOURCE_BASE", "OTHER", "EHCP", "A801200005001",
                        "null", "true", "0", "\u0000", "\u202e", "\ud83d\ude00", "x".repeat(2_000), "<script>",
                        "\"", "\\", "${jndi:ldap://x}", "%s%n"))).map(JsonValues::quote);
        Arbitrary<String> numbers = Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("0", "-0", "-1", "1.5", "1e3", "1e400", "-1e400", "123456789012345678901234567890",
                        "2147483648", "-2147483649", "9223372036854775808", "0.0000000000000000001", "1E-400"));
        return Arbitraries.frequencyOf(Tuple.of(4, strings), Tuple.of(3, numbers),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
