package uk.placements.query;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RowParameters} reads every parameter as Spring's {@link SimplePropertySqlParameterSource} does: the same
 * names found, the same values, the same SQL types (which decide how a null is sent), for records, classes with
 * fields (private and inherited too) and classes with getters (a getter wins over a field of the same name).
 */
class RowParametersTest {

    record Entry(String placementId, long seq, Date onDate, Timestamp recordedAt, String detail, Integer count,
                 Boolean flag, BigDecimal amount, Object anything) {
    }

    static class Base {
        String inherited = "from the base";
        private int hidden = 7;
    }

    static class Row extends Base {
        final String placementId;
        int version;
        Date admittedOn;
        String status;

        Row(String placementId) {
            this.placementId = placementId;
        }

        /** A getter wins over the field of the same name. */
        public String getStatus() {
            return status == null ? "NONE" : status.toLowerCase();
        }

        public boolean isActive() {
            return version > 1;
        }
    }

    private static final List<String> ENTRY_NAMES = List.of("placementId", "seq", "onDate", "recordedAt", "detail",
            "count", "flag", "amount", "anything", "missing", "placement_id");
    private static final List<String> ROW_NAMES = List.of("placementId", "version", "admittedOn", "status", "active",
            "inherited", "hidden", "missing");

    @Test
    void aRecordReadsAsSpringReadsIt() {
        sameAsSpring(new Entry("p-1", 42L, Date.valueOf(LocalDate.of(2026, 9, 1)),
                Timestamp.from(Instant.parse("2026-09-01T10:15:30Z")), "referred", 3, true, new BigDecimal("12.50"),
                "x"), ENTRY_NAMES);
        sameAsSpring(new Entry("p-2", 1L, null, null, null, null, null, null, null), ENTRY_NAMES);
    }

    @Test
    void aClassWithFieldsAndGettersReadsAsSpringReadsIt() {
        Row row = new Row("p-3");
        row.version = 2;
        row.admittedOn = Date.valueOf(LocalDate.of(2025, 1, 6));
        row.status = "ADMITTED";
        sameAsSpring(row, ROW_NAMES);
        sameAsSpring(new Row("p-4"), ROW_NAMES);
        assertThat(new RowParameters(row).getValue("status")).isEqualTo("admitted");
    }

    @Test
    void anUnknownNameIsAbsentAndRefused() {
        RowParameters parameters = new RowParameters(new Row("p-5"));
        assertThat(parameters.hasValue("missing")).isFalse();
        assertThat(parameters.getSqlType("missing")).isEqualTo(SqlParameterSource.TYPE_UNKNOWN);
        assertThatThrownBy(() -> parameters.getValue("missing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegisteredTypeWinsOverTheDeclaredOne() {
        RowParameters parameters = new RowParameters(new Entry("p-6", 1L, null, null, null, null, null, null, null));
        parameters.registerSqlType("detail", Types.CLOB);
        assertThat(parameters.getSqlType("detail")).isEqualTo(Types.CLOB);
    }

    @Test
    void aReaderReadsTheNamesInOrderOrNoneWhenOneIsMissing() {
        Entry entry = new Entry("p-7", 9L, null, null, "d", 1, false, BigDecimal.ONE, null);
        RowParameters.Accessor[] read = RowParameters.reader(Entry.class, List.of("detail", "seq", "placementId"));
        assertThat(read).hasSize(3);
        assertThat(List.of(read[0].read(entry), read[1].read(entry), read[2].read(entry)))
                .containsExactly("d", 9L, "p-7");
        assertThat(RowParameters.reader(Entry.class, List.of("seq", "missing"))).isNull();
        assertThat(RowParameters.reader(Row.class, List.of("hidden", "inherited"))[0].read(new Row("p-8")))
                .isEqualTo(7);
    }

    private static void sameAsSpring(Object row, List<String> names) {
        SqlParameterSource spring = new SimplePropertySqlParameterSource(row);
        SqlParameterSource ours = new RowParameters(row);
        for (String name : names) {
            assertThat(ours.hasValue(name)).as("has %s", name).isEqualTo(spring.hasValue(name));
            assertThat(ours.getSqlType(name)).as("SQL type of %s", name).isEqualTo(spring.getSqlType(name));
            if (spring.hasValue(name)) {
                assertThat(ours.getValue(name)).as("value of %s", name).isEqualTo(spring.getValue(name));
            }
        }
    }
}
