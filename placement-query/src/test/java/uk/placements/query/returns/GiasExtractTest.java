package uk.placements.query.returns;

import org.junit.jupiter.api.Test;
import uk.placements.edge.web.InvalidField;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a GIAS extract: RFC 4180 quoting, GIAS's column names in any order, refusals naming column and line. */
class GiasExtractTest {

    private static final String HEADER = "\uFEFFURN,EstablishmentName,TypeOfResourcedProvision (name),"
            + "ResourcedProvisionOnRoll,ResourcedProvisionCapacity,SenUnitOnRoll,SenUnitCapacity,Postcode\r\n";

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        Map<String, GiasExtract.School> schools = GiasExtract.parse(HEADER
                + "100001,\"St Mary's, \"\"the Old\"\"\nSchool\",resourced provision and SEN unit,3,4,5,6,AB1 2CD\r\n"
                + "100002,Plain School,,,,,,\r\n"
                + "\r\n");
        assertThat(schools).hasSize(2);
        GiasExtract.School first = schools.get("100001");
        assertThat(first.name()).isEqualTo("St Mary's, \"the Old\"\nSchool");
        assertThat(first.type()).isEqualTo(GiasExtract.ProvisionKind.BOTH);
        assertThat(first.resourcedProvisionOnRoll()).isEqualTo(3);
        assertThat(first.resourcedProvisionCapacity()).isEqualTo(4);
        assertThat(first.senUnitOnRoll()).isEqualTo(5);
        assertThat(first.senUnitCapacity()).isEqualTo(6);
        GiasExtract.School second = schools.get("100002");
        assertThat(second.type()).isEqualTo(GiasExtract.ProvisionKind.NONE);
        assertThat(second.resourcedProvisionCapacity()).isNull();
    }

    @Test
    void aLineIsCountedFromTheHeaderAndAQuotedLineBreakCounts() {
        assertThatThrownBy(() -> GiasExtract.parse(HEADER
                + "100001,\"Two\nLines\",Not applicable,,,,,\r\n"
                + "100002,Bad,Not applicable,-1,,,,\r\n"))
                .isInstanceOf(InvalidField.class)
                .hasMessage("line 4: must be a whole number of pupils from 0 to 99999, or blank")
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("ResourcedProvisionOnRoll");
        assertThatThrownBy(() -> GiasExtract.parse(HEADER + "100001,\"Never closed,Not applicable,,,,,\r\n"))
                .isInstanceOf(InvalidField.class).hasMessageContaining("never closed");
    }
}
